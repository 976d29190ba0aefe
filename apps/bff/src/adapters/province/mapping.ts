import type { CaseChangeForChannel } from '../channel';
import { PROVINCE_CONTRACT_VERSION, type ProvinceCaseEvent, type ProvinceDailyStatistics } from './contract';

/**
 * The one place where our case fields become the province's (GB/T 30428-style). When the
 * real field tables arrive, this file (and the codes below) is what changes.
 */

/** Our source keys → the platform's 案件来源 codes. */
const SOURCE_CODES: Record<string, string> = {
  collector: '01', // 监督员上报
  public: '02', // 公众举报
  hotline: '03', // 12345热线
  leader: '04', // 领导交办
  media: '05', // 媒体曝光
  video: '06', // 视频智能识别
  iot: '07', // 物联网感知
  patrol: '08', // 街面巡查
};

function iso(at: Date | null): string | null {
  return at ? at.toISOString() : null;
}

export function toProvinceCaseEvent(change: CaseChangeForChannel): ProvinceCaseEvent {
  const { event, case: c } = change;
  // Our category codes follow the standard's 大类 (2 digits) + 小类 (2 digits) layout.
  const code = c.categoryCode.replace(/\D/g, '');
  return {
    contractVersion: PROVINCE_CONTRACT_VERSION,
    caseNo: c.caseNo,
    source: SOURCE_CODES[c.source] ?? '99',
    caseType: c.kind === 'component' ? 'component' : 'event',
    majorCode: code.slice(0, 2),
    minorCode: code.slice(0, 4),
    gridCode: c.gridCode,
    streetCode: c.streetCode,
    districtCode: c.districtCode,
    coordinates: { lng: c.lng, lat: c.lat, crs: 'CGCS2000' },
    address: c.address,
    description: c.description,
    urgency: c.urgency,
    attachments: c.attachments.map((a) => ({ id: String(a.id), purpose: a.purpose, mime: a.mime, sha256: a.sha256 })),
    event: {
      seq: event.seq,
      action: event.action,
      label: event.label,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      actor: event.actorName ?? '',
      reason: event.reason,
      at: event.at.toISOString(),
    },
    timestamps: { reportedAt: c.reportedAt.toISOString(), deadlineAt: iso(c.deadlineAt), closedAt: iso(c.closedAt) },
  };
}

export function toProvinceDailyStatistics(
  figures: Omit<ProvinceDailyStatistics, 'contractVersion'>,
): ProvinceDailyStatistics {
  return { contractVersion: PROVINCE_CONTRACT_VERSION, ...figures };
}
