/** Who sends a request: a stranger or one of the signed-in roles. */
export const ROLES = ['anonymous', 'collector', 'dept_handler', 'district_admin', 'city_admin'] as const;
export type Role = (typeof ROLES)[number];

/** The demo account each signed-in role uses (district staff of 临江区, the city's administrator). */
export const ACCOUNT_OF: Record<Exclude<Role, 'anonymous'>, string> = {
  collector: 'linjiang.collector',
  dept_handler: 'linjiang.dept_handler',
  district_admin: 'linjiang.admin',
  city_admin: 'admin',
};

/**
 * One generated request, before the runner adds what depends on the run: the Host,
 * the role's session cookie, the same-origin header, Content-Length and a made-up client
 * address (so per-address throttles do not turn the whole run into 429s).
 */
export interface FuzzCase {
  /** The family its status is counted under: `trpc cases`, `open311`, `attachments`… */
  family: string;
  /** What was sent, for a finding's report (no huge bodies); made only when something is found. */
  what: () => string;
  role: Role;
  /** The procedure or route, for timing by target. */
  label?: string;
  method: string;
  /** The request target as sent (path and query, already encoded as the case wants). */
  target: string;
  headers: [string, string][];
  body: Buffer;
  /** Send the same-origin header the web app sends (the CSRF guard refuses writes without it). */
  sameOrigin: boolean;
  /** Content-Length as given instead of the body's length (for bodies cut short). */
  contentLength?: number | 'omit';
  vanish?: boolean;
}

/** A short description of a value for reports. */
export function preview(value: unknown, max = 300): string {
  let text: string;
  try {
    text =
      typeof value === 'string'
        ? value
        : (JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? `${item}n` : item)) ??
          String(value));
  } catch {
    text = '(a tree too deep to print)';
  }
  return text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text;
}

/** Percent-encodes any text, lone surrogates included (as the UTF-8 bytes Node would send). */
export function encodeText(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
  }
}
