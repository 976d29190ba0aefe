import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * 中国移动云MAS HTTP template SMS (/sms/tmpsubmit): the body is base64 of a JSON object whose
 * `mac` is lowercase hex MD5 of ecName + apId + secretKey + templateId + mobiles + params +
 * sign + addSerial.
 */
export interface YunmasTemplateSubmit {
  ecName: string;
  apId: string;
  templateId: string;
  /** Comma-separated numbers. */
  mobiles: string;
  /** A JSON array of the template's values, as a string: '["123456","5"]'. */
  params: string;
  /** The signature code (签名编码) of the account. */
  sign: string;
  addSerial: string;
  mac: string;
}

export function yunmasMac(fields: Omit<YunmasTemplateSubmit, 'mac'>, secretKey: string): string {
  const text = `${fields.ecName}${fields.apId}${secretKey}${fields.templateId}${fields.mobiles}${fields.params}${fields.sign}${fields.addSerial}`;
  return createHash('md5').update(text, 'utf8').digest('hex');
}

export function yunmasMacMatches(fields: YunmasTemplateSubmit, secretKey: string): boolean {
  const expected = Buffer.from(yunmasMac(fields, secretKey));
  const given = Buffer.from(fields.mac ?? '');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
