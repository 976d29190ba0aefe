import type { PublicProgress } from '@citygov/bff/modules/public-tracking/api';
/**
 * The citizen page talks to the public Open311 GeoReport v2 API (not tRPC: citizens
 * have no session), and follows a report on /open311/track/{查询码}.json. Errors come
 * back in the spec's format, [{ code, description }].
 */

export interface WebConfig {
  endpoint: string;
  jurisdictionId: string;
  apiKey: string | null;
  city: { name: string; center: [number, number]; bounds: [number, number, number, number] } | null;
}

export interface Service {
  service_code: string;
  service_name: string;
  description: string;
  keywords: string;
  group: string;
}

/** A POST's answer: `token` is the reporter's 查询码 ("K7QM-3XPA-9HTD"). */
export interface CreatedRequest {
  service_request_id?: string;
  token: string;
  service_notice: string | null;
}

/** What the holder of a 查询码 sees: the server's own type (a plain JSON route, not tRPC). */
export type { PublicProgress };

export interface ReportInput {
  serviceCode: string;
  description: string;
  urgency: 'normal' | 'urgent';
  lat: number | null;
  lng: number | null;
  address: string;
  name: string;
  phone: string;
  deviceId: string;
  /** Claim tokens of the photos uploaded for this report (uploadPhoto). */
  mediaTokens: string[];
}

/** A refusal from the API: the HTTP status and what it said, in Chinese. */
export class Open311ClientError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'Open311ClientError';
  }
}

/** Descriptions read "中文说明 (English wording)"; people get the Chinese part. */
function chinesePart(description: string): string {
  return description.replace(/\s*\([^()]*\)\s*$/, '').trim() || description;
}

async function readAnswer<T>(response: Response): Promise<T> {
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (response.ok) return body as T;
  const errors = Array.isArray(body) ? (body as { description?: unknown }[]) : [];
  const messages = errors.map((e) => (typeof e.description === 'string' ? chinesePart(e.description) : ''));
  const fallback = response.status >= 500 ? '服务暂时不可用，请稍后再试' : `请求失败（${response.status}）`;
  throw new Open311ClientError(response.status, messages.filter(Boolean).join('；') || fallback);
}

async function request<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch {
    throw new Open311ClientError(0, '网络连接失败，请检查网络后重试');
  }
  return readAnswer<T>(response);
}

export function fetchWebConfig(): Promise<WebConfig> {
  return request<WebConfig>('/open311/web-config.json');
}

export function fetchServices(config: WebConfig): Promise<Service[]> {
  return request<Service[]>(
    `${config.endpoint}/services.json?jurisdiction_id=${encodeURIComponent(config.jurisdictionId)}`,
  );
}

/** Uploads one photo for a report to come; the answer's token goes with the report. */
export async function uploadPhoto(config: WebConfig, file: Blob, name: string): Promise<string> {
  if (!config.apiKey) throw new Open311ClientError(403, '网上反映通道暂时关闭，请拨打 12345 热线反映');
  const body = new FormData();
  body.append('file', file, name);
  const answer = await request<{ media_token: string }>(
    `/open311/media.json?api_key=${encodeURIComponent(config.apiKey)}`,
    { method: 'POST', body },
  );
  return answer.media_token;
}

/** A place name for a point, from the city's own area data (null outside the city). */
export async function fetchPlace(lat: number, lng: number): Promise<{ name: string } | null> {
  try {
    return await request<{ name: string }>(`/open311/place.json?lat=${lat.toFixed(6)}&long=${lng.toFixed(6)}`);
  } catch (error) {
    if (error instanceof Open311ClientError && error.status === 404) return null;
    throw error;
  }
}

/** The progress of one report by its 查询码. */
export function fetchProgress(code: string): Promise<PublicProgress> {
  return request<PublicProgress>(`/open311/track/${encodeURIComponent(code)}.json`);
}

/** POST requests.json, form-encoded as the spec sends it. */
export async function postReport(config: WebConfig, input: ReportInput): Promise<CreatedRequest> {
  if (!config.apiKey) throw new Open311ClientError(403, '网上反映通道暂时关闭，请拨打 12345 热线反映');
  const form = new URLSearchParams({
    api_key: config.apiKey,
    jurisdiction_id: config.jurisdictionId,
    service_code: input.serviceCode,
    description: input.description,
    'attribute[urgency]': input.urgency,
    device_id: input.deviceId,
  });
  if (input.lat !== null && input.lng !== null) {
    form.set('lat', input.lat.toFixed(6));
    form.set('long', input.lng.toFixed(6));
  }
  if (input.address) form.set('address_string', input.address);
  if (input.name) form.set('first_name', input.name);
  if (input.phone) form.set('phone', input.phone);
  for (const token of input.mediaTokens) form.append('media_token', token);
  const [created] = await request<CreatedRequest[]>(`${config.endpoint}/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: form.toString(),
  });
  if (!created) throw new Open311ClientError(500, '提交结果异常，请稍后在「进度查询」中核对');
  return created;
}
