import { parseW3 } from '../../lib/w3-time';
import { Open311Error } from './open311-format';
import { parseServiceCode, type ServiceKey } from './open311-services';
import { ParamReader, type RawParams } from './request-params';
import { MAX_REQUESTS, MAX_WINDOW_MS, type Open311Status, type RequestFilter } from './service-request-queries';

/**
 * The filters of GET requests: service_request_id (comma list, overrides the rest), or
 * service_code / status lists and a requested_datetime window of at most 90 days
 * (defaulting to the most recent 90 days, or 90 days from the one end given).
 */
export function readRequestFilter(query: RawParams, now = new Date()): RequestFilter {
  const reader = new ParamReader(query);
  const ids = reader.list('service_request_id', MAX_REQUESTS);
  if (reader.errors.length > 0) throw new Open311Error(400, reader.errors);
  if (ids.length > 0) return { ids };

  const serviceKeys: ServiceKey[] = [];
  for (const code of reader.list('service_code', 100)) {
    const key = parseServiceCode(code);
    if (key) serviceKeys.push(key);
    else reader.fail(`service_code「${code.slice(0, 40)}」格式不正确，应如 event-06001 (unknown service_code)`);
  }
  const statuses: Open311Status[] = [];
  for (const status of reader.list('status', 10)) {
    if (status === 'open' || status === 'closed') statuses.push(status);
    else reader.fail(`status 只能是 open 或 closed (status must be open or closed)`);
  }
  const date = (name: 'start_date' | 'end_date') => {
    const text = reader.text(name, 40);
    if (text === undefined) return undefined;
    const parsed = parseW3(text);
    if (!parsed)
      reader.fail(`${name} 须为 W3C 日期时间，如 2026-05-01T00:00:00+08:00 (${name} must use the w3 format)`);
    return parsed ?? undefined;
  };
  const start = date('start_date');
  const end = date('end_date');
  if (start && end && end < start) reader.fail('end_date 早于 start_date (end_date is before start_date)');
  else if (start && end && end.getTime() - start.getTime() > MAX_WINDOW_MS) {
    reader.fail('查询时间范围不能超过 90 天 (the date range may not span more than 90 days)');
  }
  if (reader.errors.length > 0) throw new Open311Error(400, reader.errors);

  const to = end ?? (start ? new Date(start.getTime() + MAX_WINDOW_MS) : now);
  const from = start ?? new Date(to.getTime() - MAX_WINDOW_MS);
  return { serviceKeys, statuses, from, to };
}
