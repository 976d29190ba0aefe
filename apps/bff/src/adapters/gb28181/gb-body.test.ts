import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody, encodeManscdp, itemsOf, parseManscdp, textOf } from './gb-body';

const wire = (text: string, charset: 'gb18030' | 'utf8') =>
  (charset === 'utf8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'gb18030')).toString('latin1');

describe('MANSCDP bodies', () => {
  it('reads GB18030 bodies, also when they declare UTF-8', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><Response><CmdType>Catalog</CmdType><SN>7</SN><DeviceID>34020000001320000001</DeviceID><SumNum>1</SumNum><DeviceList Num="1"><Item><DeviceID>34020000001320000002</DeviceID><Name>临江路口东</Name></Item></DeviceList></Response>';
    const message = parseManscdp(wire(xml, 'gb18030'));
    expect(message).toMatchObject({ root: 'Response', cmdType: 'Catalog', sn: '7', deviceId: '34020000001320000001' });
    expect(itemsOf(message?.body.DeviceList).map((i) => textOf(i.Name))).toEqual(['临江路口东']);
  });

  it('reads UTF-8 bodies that declare GB2312', () => {
    const xml =
      '<?xml version="1.0" encoding="GB2312"?><Notify><CmdType>Keepalive</CmdType><SN>1</SN><DeviceID>34020000001320000001</DeviceID><Status>OK</Status><Info>云山</Info></Notify>';
    const message = parseManscdp(wire(xml, 'utf8'));
    expect(message?.cmdType).toBe('Keepalive');
    expect(textOf(message?.body.Info)).toBe('云山');
  });

  it('tolerates a bare & and control characters in names', () => {
    const xml =
      '<Response><CmdType>DeviceInfo</CmdType><SN>2</SN><DeviceID>34020000001320000001</DeviceID><DeviceName>A&B 监控\u0001</DeviceName></Response>';
    expect(textOf(parseManscdp(wire(xml, 'gb18030'))?.body.DeviceName)).toBe('A&B 监控');
  });

  it('refuses bodies that are no MANSCDP message', () => {
    expect(parseManscdp(wire('v=0\r\no=- 0 0 IN IP4 1.2.3.4', 'utf8'))).toBeNull();
    expect(parseManscdp(wire('<Response><SN>1</SN></Response>', 'utf8'))).toBeNull();
  });

  it('writes GB2312-declared, GB18030-encoded documents that read back', () => {
    const body = encodeManscdp('Query', {
      CmdType: 'Catalog',
      SN: 3,
      DeviceID: '34020000001320000001',
      Name: '湖滨&公园',
    });
    expect(Buffer.from(body, 'latin1').includes(iconv.encode('湖滨', 'gb18030'))).toBe(true);
    expect(decodeBody(body)).toContain('encoding="GB2312"');
    expect(textOf(parseManscdp(body)?.body.Name)).toBe('湖滨&公园');
  });
});
