import type { Response } from 'express';
import { XMLBuilder } from 'fast-xml-parser';

/** Response formats of GeoReport v2: the resource name ends in `.json` or `.xml`. */
export type Format = 'json' | 'xml';

export function isFormat(value: string): value is Format {
  return value === 'json' || value === 'xml';
}

export interface Open311ErrorItem {
  code: number;
  description: string;
}

/**
 * A refusal in the spec's error format: an HTTP status and one or more errors. The
 * descriptions are meant for people (Chinese, then the English wording of the spec).
 */
export class Open311Error extends Error {
  readonly errors: Open311ErrorItem[];
  constructor(
    readonly status: number,
    errors: string | Open311ErrorItem[],
  ) {
    const list = typeof errors === 'string' ? [{ code: status, description: errors }] : errors;
    super(list.map((e) => e.description).join('; '));
    this.name = 'Open311Error';
    this.errors = list;
  }
}

export const badRequest = (description: string) => new Open311Error(400, description);
export const notFound = (description: string) => new Open311Error(404, description);

/** Characters XML 1.0 cannot carry at all (control characters, lone surrogates). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

type XmlScalar = string | number | boolean | null | undefined;
type XmlValue = XmlScalar | XmlNode | (XmlScalar | XmlNode)[];
export interface XmlNode {
  [name: string]: XmlValue;
}

function cleanForXml<T extends XmlValue>(value: T): T;
function cleanForXml(value: XmlValue): XmlValue {
  if (typeof value === 'string') return value.replace(NOT_XML, '');
  if (Array.isArray(value)) return value.map((item) => cleanForXml(item));
  if (value && typeof value === 'object') {
    const out: XmlNode = {};
    for (const [key, item] of Object.entries(value)) out[key] = cleanForXml(item);
    return out;
  }
  return value;
}

// Text is escaped by the builder; null becomes an empty element (<account_id/>), as in the spec's examples.
const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: false, processEntities: true });

export function toXml(root: XmlNode): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build(cleanForXml(root))}`;
}

/** Sends one answer in the format asked for: the JSON value, or the XML tree. */
export function sendAnswer(res: Response, format: Format, status: number, json: unknown, xml: XmlNode): void {
  if (res.headersSent) return;
  res.status(status);
  res.setHeader('Cache-Control', 'no-store');
  if (format === 'xml') {
    res.type('text/xml; charset=utf-8').send(toXml(xml));
  } else {
    res.type('application/json; charset=utf-8').send(JSON.stringify(json));
  }
}

/** `[{"code":400,"description":"…"}]` or `<errors><error><code>400</code>…`. */
export function sendErrors(res: Response, format: Format, error: Open311Error): void {
  sendAnswer(res, format, error.status, error.errors, { errors: { error: error.errors.map((e) => ({ ...e })) } });
}
