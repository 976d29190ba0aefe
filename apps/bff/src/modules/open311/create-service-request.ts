import type { Database, Queryable } from '@citygov/db/client';
import { open311Requests } from '@citygov/db/schema/open311';
import { DomainError } from '@citygov/domain/errors';
import { formatTrackingCode } from '@citygov/domain/tracking/tracking-code';
import { formatChinaMinute } from '../../lib/w3-time';
import { claimPublicPhotos, MAX_PUBLIC_PHOTOS } from '../attachments/api';
import { writeAudit } from '../audit/api';
import type { TReportCaseInput } from '../intake/api';
import { reportCase } from '../intake/api';
import { type ApiKeyRow, touchApiKey } from './api-keys';
import { describePlace, type LngLat, locateAddressId, locateAddressString } from './locate-report';
import { badRequest, Open311Error } from './open311-format';
import {
  COMPONENT_ID_ATTRIBUTE,
  COMPONENT_ID_PATTERN,
  findService,
  type Open311Service,
  parseServiceCode,
  type ServiceKey,
  URGENCY_ATTRIBUTE,
} from './open311-services';
import { publicReporter } from './public-reporter';
import { ParamReader, type RawParams } from './request-params';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 -]{3,19}$/;
const CJK = /[\u3400-\u9fff]/;

export interface ValidReport {
  service: Open311Service;
  key: ServiceKey;
  point: LngLat;
  addressString: string | undefined;
  /** The case address: what the reporter wrote, else the district, street and community of the point. */
  address: string;
  description: string;
  urgency: 'normal' | 'urgent';
  componentId: string | undefined;
  attributes: Record<string, string>;
  mediaUrl: string | undefined;
  /** Claim tokens of photos uploaded to media.json for this report. */
  mediaTokens: string[];
  email: string | undefined;
  firstName: string | undefined;
  lastName: string | undefined;
  phone: string | undefined;
  deviceId: string | undefined;
  accountId: string | undefined;
}

function httpUrl(reader: ParamReader, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
  } catch {
    // Falls through to the refusal.
  }
  reader.fail('media_url 须为 http(s) 网址 (media_url must be an http or https URL)');
  return undefined;
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

/** A Chinese name is family name first; a western one given name first. */
function reporterName(first: string | undefined, last: string | undefined): string | undefined {
  const name = CJK.test(`${last ?? ''}${first ?? ''}`)
    ? `${last ?? ''}${first ?? ''}`
    : [first, last].filter(Boolean).join(' ');
  return name ? name.slice(0, 40) : undefined;
}

/**
 * Checks a POST's parameters and finds its place, collecting every problem into one
 * 400 answer. Nothing is written here.
 */
/** `media_token` (repeatable): photos the citizen uploaded to media.json for this report. */
function readMediaTokens(reader: ParamReader, raw: unknown): string[] {
  const given = (Array.isArray(raw) ? raw : raw === undefined || raw === '' ? [] : [raw]).filter(
    (t): t is string => typeof t === 'string' && t !== '',
  );
  if (given.length > MAX_PUBLIC_PHOTOS)
    reader.fail(`最多 ${MAX_PUBLIC_PHOTOS} 张照片 (at most ${MAX_PUBLIC_PHOTOS} media_token)`);
  if (given.some((t) => t.length > 100)) reader.fail('media_token 格式不正确 (media_token is malformed)');
  return given.slice(0, MAX_PUBLIC_PHOTOS);
}

export async function validateReport(db: Database, params: RawParams): Promise<ValidReport> {
  const reader = new ParamReader(params);
  const serviceCode = reader.text('service_code', 40);
  const lat = reader.coordinate('lat', 90);
  const long = reader.coordinate('long', 180);
  const addressString = reader.text('address_string', 200);
  const addressId = reader.text('address_id', 20);
  const description = reader.text('description', 4000);
  const mediaUrl = httpUrl(reader, reader.text('media_url', 1000));
  const email = reader.text('email', 200);
  const firstName = reader.text('first_name', 40);
  const lastName = reader.text('last_name', 40);
  const phone = reader.text('phone', 30);
  const deviceId = reader.text('device_id', 100);
  const accountId = reader.text('account_id', 100);
  const attributes = reader.attributes();
  const mediaTokens = readMediaTokens(reader, params.media_token);
  const urgencyText = reader.attributeText(attributes, URGENCY_ATTRIBUTE, 20);
  const componentId = reader.attributeText(attributes, COMPONENT_ID_ATTRIBUTE, 40);

  if (email !== undefined && !EMAIL.test(email)) reader.fail('email 格式不正确 (email is not a valid address)');
  if (phone !== undefined && !PHONE.test(phone)) reader.fail('phone 格式不正确 (phone is not a valid number)');
  if (urgencyText !== undefined && urgencyText !== 'normal' && urgencyText !== 'urgent') {
    reader.fail('attribute[urgency] 只能是 normal 或 urgent (urgency must be normal or urgent)');
  }

  let service: Open311Service | null = null;
  const key = serviceCode === undefined ? null : parseServiceCode(serviceCode);
  if (serviceCode === undefined) {
    reader.fail('缺少 service_code (service_code was not provided)');
  } else {
    service = key ? await findService(db, key) : null;
    if (!service) reader.fail(`service_code「${serviceCode}」不存在 (service_code not found)`);
  }
  if (key?.kind === 'component' && componentId !== undefined && !COMPONENT_ID_PATTERN.test(componentId)) {
    reader.fail('attribute[component_id] 须为 17 位数字 (component_id must be 17 digits)');
  }

  const hasLat = present(params.lat);
  const hasLong = present(params.long);
  if (hasLat !== hasLong) reader.fail('lat 与 long 须同时提供 (lat and long must both be sent)');
  else if (!hasLat && addressString === undefined && addressId === undefined) {
    reader.fail('缺少位置：请提供 lat/long、address_string 或 address_id (a location parameter is required)');
  }
  if (reader.errors.length > 0 || !service || !key) throw new Open311Error(400, reader.errors);

  let point: LngLat;
  if (lat !== undefined && long !== undefined) point = { lng: long, lat };
  else if (addressId !== undefined) point = await locateAddressId(db, addressId);
  else point = await locateAddressString(db, addressString ?? '');
  const place = await describePlace(db, point);
  if (!place) throw badRequest('该位置不在云湖市范围内，无法受理 (the location is outside the city)');

  const cleanAttributes: Record<string, string> = {};
  if (urgencyText) cleanAttributes[URGENCY_ATTRIBUTE] = urgencyText;
  if (key.kind === 'component' && componentId) cleanAttributes[COMPONENT_ID_ATTRIBUTE] = componentId;
  return {
    service,
    key,
    point,
    addressString,
    address: addressString ?? place,
    description: description ?? `${service.service_name}（市民未填写描述）`,
    urgency: urgencyText === 'urgent' ? 'urgent' : 'normal',
    componentId: key.kind === 'component' ? componentId : undefined,
    attributes: cleanAttributes,
    mediaUrl,
    mediaTokens,
    email,
    firstName,
    lastName,
    phone,
    deviceId,
    accountId,
  };
}

/**
 * The answer to a POST. `token` is the reporter's 查询码 — what a citizen app shows and
 * keeps, and what tokens/{token} and the tracking page resolve. `service_request_id` (the
 * case number) comes with it when the city publishes the request, so GET requests/{id}
 * answers it at once; the spec pictures one or the other, and a client that reads
 * service_request_id first loses nothing. An unpublished request gets the token only.
 */
export interface CreatedRequest {
  service_request_id?: string;
  token: string;
  service_notice: string;
  account_id: string | null;
}

/** The photos behind the report's media tokens; a token unknown, used or someone else's refuses the report. */
async function claimedPhotos(db: Queryable, tokens: readonly string[], reporterId: number): Promise<number[]> {
  const ids = await claimPublicPhotos(db, tokens, reporterId);
  if (!ids) throw badRequest('照片已失效，请重新选择照片后提交 (media_token is invalid or already used)');
  return ids;
}

/**
 * Files the report as a case through the same path as cases.report (source 公众举报,
 * under the public reporter account), with its Open311 details and the audit row, in
 * one transaction: a failure leaves nothing behind.
 */
export async function createServiceRequest(
  db: Database,
  apiKey: ApiKeyRow,
  report: ValidReport,
  ip: string | null,
  published: boolean,
  now = new Date(),
): Promise<CreatedRequest> {
  const created = await db
    .transaction(async (tx) => {
      const reporter = await publicReporter(tx);
      const input: TReportCaseInput = {
        source: 'public',
        kind: report.key.kind,
        categoryCode: report.key.code,
        urgency: report.urgency,
        description: report.description,
        address: report.address,
        lng: report.point.lng,
        lat: report.point.lat,
        componentId: report.componentId,
        reporterName: reporterName(report.firstName, report.lastName),
        reporterPhone: report.phone?.replace(/[\s+]/g, ''),
        attachmentIds: await claimedPhotos(tx, report.mediaTokens, reporter.id),
      };
      const row = await reportCase(tx, reporter, input, now);
      await tx.insert(open311Requests).values({
        caseId: row.id,
        apiKeyId: apiKey.id,
        serviceCode: report.service.service_code,
        attributes: report.attributes,
        addressString: report.addressString ?? null,
        mediaUrl: report.mediaUrl ?? null,
        email: report.email ?? null,
        firstName: report.firstName ?? null,
        lastName: report.lastName ?? null,
        phone: report.phone ?? null,
        deviceId: report.deviceId ?? null,
        accountId: report.accountId ?? null,
        ip,
        createdAt: now,
      });
      await touchApiKey(tx, apiKey.id, now);
      await writeAudit(tx, {
        userId: reporter.id,
        username: `open311:${apiKey.name}`,
        action: 'open311.createRequest',
        outcome: 'ok',
        target: `case:${row.id}`,
        // Contact details stay in open311_requests; the log says what was filed and how.
        detail: { caseNo: row.caseNo, serviceCode: report.service.service_code, apiKey: apiKey.keyPrefix },
        ip,
        areaPath: reporter.areaPath,
      });
      return row;
    })
    .catch((error: unknown) => {
      // reportCase refuses with domain errors (e.g. a category removed meanwhile): the client's problem.
      if (error instanceof DomainError) throw badRequest(error.message);
      throw error;
    });
  // Every public report gets a code (report-case.ts); without one the citizen could not follow it.
  if (!created.trackingCode) throw new Error(`public case ${created.caseNo} has no tracking code`);
  const code = formatTrackingCode(created.trackingCode);
  const deadline = created.stageDeadlineAt ? `，将在 ${formatChinaMinute(created.stageDeadlineAt)} 前受理` : '';
  return {
    ...(published ? { service_request_id: created.caseNo } : {}),
    token: code,
    service_notice: `云湖市城市运行管理服务中心已收到您的反映${deadline}。您的查询码是 ${code}，请妥善保存，凭查询码查询办理进度。`,
    account_id: report.accountId ?? null,
  };
}
