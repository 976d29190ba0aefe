import { XMLParser } from 'fast-xml-parser';
import iconv from 'iconv-lite';

/**
 * MANSCDP bodies (the XML of GB/T 28181 MESSAGEs). Devices send GB2312/GB18030, often
 * with the wrong charset declared (UTF-8 declared, GB bytes sent, or the reverse), and
 * XML that is not quite XML (a bare `&` in a name). The `sip` stack hands bodies over
 * as binary strings (one char per byte); these turn them into objects and back.
 */
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  // Repeated children (Item, RecordList items) must always be arrays.
  isArray: (name) => name === 'Item',
});

/** Decodes body bytes: valid UTF-8 is taken as UTF-8 whatever the declaration says, anything else as GB18030. */
export function decodeBody(binary: string): string {
  const bytes = Buffer.from(binary, 'latin1');
  const utf8 = bytes.toString('utf8');
  // A GB18030 byte pair is almost never valid UTF-8; U+FFFD means the bytes were not UTF-8.
  if (!utf8.includes('\uFFFD')) return utf8;
  return iconv.decode(bytes, 'gb18030');
}

/** Control characters XML 1.0 forbids, which some firmware leaves in device names. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this regex's purpose.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

/** Repairs what vendors get wrong, so a strict parser reads it: bare `&`, control characters, a BOM. */
export function repairXml(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g, '&amp;')
    .replace(XML_FORBIDDEN, '');
}

export type XmlValue = string | XmlObject | XmlObject[] | string[];
export interface XmlObject {
  [name: string]: XmlValue | undefined;
}

export interface ManscdpMessage {
  /** Query, Response, Notify or Control. */
  root: string;
  cmdType: string;
  sn: string;
  deviceId: string;
  body: XmlObject;
}

/** Parses a MANSCDP body, or null when it is not one (no root with a CmdType). */
export function parseManscdp(binary: string): ManscdpMessage | null {
  let tree: XmlObject;
  try {
    tree = parser.parse(repairXml(decodeBody(binary))) as XmlObject;
  } catch {
    return null;
  }
  for (const root of ['Response', 'Notify', 'Query', 'Control']) {
    const body = tree[root];
    if (body && typeof body === 'object' && !Array.isArray(body)) {
      const cmdType = textOf(body.CmdType);
      if (!cmdType) return null;
      return { root, cmdType, sn: textOf(body.SN), deviceId: textOf(body.DeviceID), body };
    }
  }
  return null;
}

export function textOf(value: XmlValue | undefined): string {
  return typeof value === 'string' ? value : '';
}

export function childOf(value: XmlValue | undefined): XmlObject | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

/** The `Item`s under a list element (DeviceList, RecordList), whatever shape the parser gave. */
export function itemsOf(list: XmlValue | undefined): XmlObject[] {
  const node = childOf(list);
  const items = node?.Item;
  if (!Array.isArray(items)) return [];
  return items.filter((i): i is XmlObject => typeof i === 'object');
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One MANSCDP document, GB2312-declared and GB18030-encoded, as a binary string for the stack. */
export function encodeManscdp(
  root: string,
  fields: Record<string, string | number | Record<string, string | number>>,
): string {
  const lines = [`<?xml version="1.0" encoding="GB2312"?>`, `<${root}>`];
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'object') {
      lines.push(`<${name}>`);
      for (const [inner, v] of Object.entries(value)) lines.push(`<${inner}>${escapeXml(String(v))}</${inner}>`);
      lines.push(`</${name}>`);
    } else lines.push(`<${name}>${escapeXml(String(value))}</${name}>`);
  }
  lines.push(`</${root}>`, '');
  return encodeText(lines.join('\r\n'));
}

/** Text as GB18030 bytes in a binary string (what the stack writes to the wire). */
export function encodeText(text: string): string {
  return iconv.encode(text, 'gb18030').toString('latin1');
}

/** Raw XML (already written) encoded for the wire; for documents with repeated items. */
export function encodeXml(xml: string): string {
  return encodeText(xml);
}

export { escapeXml };
