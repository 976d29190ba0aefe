import type { Open311ErrorItem } from './open311-format';

/** Request parameters as they arrive: flat form fields, query fields, or a parsed JSON object. */
export type RawParams = Readonly<Record<string, unknown>>;

/** Control characters (PostgreSQL text cannot hold NUL) and lone surrogates; line breaks and tabs stay. */
const UNPRINTABLE = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const DECIMAL = /^[+-]?(\d{1,3}(\.\d{1,15})?|\.\d{1,15})$/;
const ATTRIBUTE_KEY = /^attribute\[([^[\]]{1,60})\](\[\])?$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads parameters defensively: a value must be one string (or a finite number in
 * JSON); arrays, objects and oversized text become 400 errors collected for one answer.
 * Empty values count as absent, as the spec's "Optional Arguments" says.
 */
export class ParamReader {
  readonly errors: Open311ErrorItem[] = [];

  constructor(private readonly params: RawParams) {}

  fail(description: string): void {
    this.errors.push({ code: 400, description });
  }

  private raw(name: string): unknown {
    return Object.hasOwn(this.params, name) ? this.params[name] : undefined;
  }

  text(name: string, max: number): string | undefined {
    const value = this.raw(name);
    if (value === undefined || value === null) return undefined;
    let text: string;
    if (typeof value === 'string') text = value;
    else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
    else {
      this.fail(`参数 ${name} 须为单个文本值 (${name} must be a single value)`);
      return undefined;
    }
    const cleaned = text.replace(UNPRINTABLE, '').trim();
    if (!cleaned) return undefined;
    if (cleaned.length > max) {
      this.fail(`参数 ${name} 超过 ${max} 个字符 (${name} is longer than ${max} characters)`);
      return undefined;
    }
    return cleaned;
  }

  /** A WGS84 coordinate written as a plain decimal number within [-limit, limit]. */
  coordinate(name: 'lat' | 'long', limit: number): number | undefined {
    const text = this.text(name, 40);
    if (text === undefined) return undefined;
    const value = DECIMAL.test(text) ? Number(text) : Number.NaN;
    if (!Number.isFinite(value) || Math.abs(value) > limit) {
      this.fail(`参数 ${name} 须为 -${limit} 到 ${limit} 之间的十进制数 (${name} must be a WGS84 decimal number)`);
      return undefined;
    }
    return value;
  }

  /** A comma-delimited list, which may also be declared several times (status=open&status=closed). */
  list(name: string, maxItems: number): string[] {
    const value = this.raw(name);
    if (value === undefined || value === null) return [];
    const parts = Array.isArray(value) ? value : [value];
    const items: string[] = [];
    for (const part of parts) {
      if (typeof part !== 'string' && typeof part !== 'number') {
        this.fail(`参数 ${name} 须为逗号分隔的文本 (${name} must be comma delimited text)`);
        return [];
      }
      for (const item of String(part).split(',')) {
        const trimmed = item.replace(UNPRINTABLE, '').trim();
        if (trimmed && !items.includes(trimmed)) items.push(trimmed);
      }
    }
    if (items.length > maxItems) {
      this.fail(`参数 ${name} 最多 ${maxItems} 项 (${name} has more than ${maxItems} values)`);
      return [];
    }
    return items;
  }

  /**
   * attribute[code]=value pairs: flat form keys (attribute[urgency]=urgent), or an
   * `attribute` object in a JSON body. Multi-value lists (attribute[code][]) keep arrays.
   */
  attributes(): Map<string, unknown> {
    const found = new Map<string, unknown>();
    for (const [key, value] of Object.entries(this.params)) {
      const match = ATTRIBUTE_KEY.exec(key);
      if (match?.[1]) found.set(match[1], value);
    }
    const nested = this.raw('attribute');
    if (isPlainObject(nested)) {
      for (const [key, value] of Object.entries(nested)) if (key.length <= 60) found.set(key, value);
    } else if (nested !== undefined && nested !== null && nested !== '') {
      this.fail('attribute 须写成 attribute[code]=value (attribute must be attribute[code]=value pairs)');
    }
    return found;
  }

  /** One attribute value as text, or undefined; a list or object where one value is expected is an error. */
  attributeText(attributes: Map<string, unknown>, code: string, max: number): string | undefined {
    const value = attributes.get(code);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
      this.fail(`attribute[${code}] 只能有一个值 (attribute[${code}] takes one value)`);
      return undefined;
    }
    const text = String(value).replace(UNPRINTABLE, '').trim();
    if (!text) return undefined;
    if (text.length > max) {
      this.fail(`attribute[${code}] 超过 ${max} 个字符 (attribute[${code}] is too long)`);
      return undefined;
    }
    return text;
  }
}
