import { createHash } from 'node:crypto';
import { maskPhone } from '@citygov/domain/personal-data';
import { sanitizeText } from '@citygov/domain/text-safety';

const SECRET_KEYS = /password|token|secret/i;
const PHONE_KEYS = /phone|mobile|^tel|tel$/i;

/** A detail up to this size is kept whole; a larger one becomes a digest. */
export const INLINE_DETAIL_BYTES = 2048;
const PREVIEW_BYTES = 1024;
const DIGEST_KEYS = 20;
/** Values visited at most: a superjson reference graph can stand for far more than its bytes. */
const WALK_BUDGET = 50_000;
const MAX_DEPTH = 20;

/**
 * Keys JavaScript treats specially and superjson refuses to serialise: a detail holding
 * one as a key would make every audit.list page that shows it fail. Kept, renamed.
 */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function safeKey(key: string): string {
  return RESERVED_KEYS.has(key) ? `(${key})` : key;
}

/** A stored detail with reserved keys renamed at any depth (rows written before they were renamed on write). */
export function withSafeKeys(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH + 2 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => withSafeKeys(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(out, safeKey(key), {
      value: withSafeKeys(item, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

interface Walk {
  budget: number;
  /** Something was left out (depth or budget), so the digest describes less than all of it. */
  cut: boolean;
  ancestors: Set<object>;
}

/**
 * What goes into audit_log.detail: a JSON-safe copy with secrets blanked, phone numbers
 * masked (maskPhone), unsafe characters replaced, and non-JSON values named. When that
 * copy is larger than INLINE_DETAIL_BYTES it is replaced by a digest: its SHA-256 and
 * size, the first keys and a truncated preview — a refused 1 MB body costs ~2 KiB.
 */
export function boundedDetail(detail: unknown): Record<string, unknown> | null {
  if (detail === undefined || detail === null) return null;
  const walk: Walk = { budget: WALK_BUDGET, cut: false, ancestors: new Set() };
  const safe = loggable(detail, '', 0, walk);
  const record = isRecord(safe) ? safe : { value: safe };
  const text = JSON.stringify(record);
  const bytes = Buffer.byteLength(text);
  if (bytes <= INLINE_DETAIL_BYTES && !walk.cut) return record;
  return {
    digest: {
      sha256: createHash('sha256').update(text).digest('hex'),
      bytes,
      complete: !walk.cut,
      keys: Object.keys(record)
        .slice(0, DIGEST_KEYS)
        .map((key) => truncateUtf8(key, 40)),
      preview: truncateUtf8(text, PREVIEW_BYTES),
    },
  };
}

function loggable(value: unknown, key: string, depth: number, walk: Walk): unknown {
  walk.budget -= 1;
  if (walk.budget < 0 || depth > MAX_DEPTH) {
    walk.cut = true;
    return '[…]';
  }
  if (key && SECRET_KEYS.test(key)) return '***';
  if (key && PHONE_KEYS.test(key) && (typeof value === 'string' || typeof value === 'number')) {
    return maskPhone(String(value));
  }
  switch (typeof value) {
    case 'string':
      return sanitizeText(value);
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'boolean':
      return value;
    case 'bigint':
      return `${value}n`;
    case 'undefined':
      return null;
    case 'object':
      return value === null ? null : loggableObject(value, depth, walk);
    default:
      return `[${typeof value}]`;
  }
}

function loggableObject(value: object, depth: number, walk: Walk): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (walk.ancestors.has(value)) return '[循环引用]';
  const proto: unknown = Object.getPrototypeOf(value);
  const isArray = Array.isArray(value);
  if (!isArray && proto !== Object.prototype && proto !== null) return `[${value.constructor?.name || 'object'}]`;
  walk.ancestors.add(value);
  try {
    if (isArray) return value.map((item: unknown) => loggable(item, '', depth + 1, walk));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      // defineProperty: `out['__proto__'] = …` would set the copy's prototype instead of a key.
      Object.defineProperty(out, safeKey(sanitizeText(key)), {
        value: loggable(item, key, depth + 1, walk),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      if (walk.budget < 0) break;
    }
    return out;
  } finally {
    walk.ancestors.delete(value);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** At most maxBytes of UTF-8, cut on a character boundary, with an ellipsis when cut. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (used + size > maxBytes - 3) break;
    out += char;
    used += size;
  }
  return `${out}…`;
}
