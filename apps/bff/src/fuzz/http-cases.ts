import fc from 'fast-check';
import { encodeText, type FuzzCase, preview, ROLES } from './fuzz-case';
import { HOSTILE_TEXTS, hostileNumber, hostileString, hostileValue } from './hostile-values';

/** Real records the routes are aimed at, so some requests get past the first check. */
export interface HttpTargets {
  open311Key: string;
  videoAiKey: string;
  serviceCode: string;
  caseNo: string;
  trackingCode: string;
  attachmentId: number;
  channelId: string;
  point: { lng: number; lat: number };
}

const NO_BODY = Buffer.alloc(0);
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND'];

/** A path segment: hostile text percent-encoded, or sent raw (traversal, odd bytes). */
const segment = fc.oneof(
  hostileString.map((text) => encodeText(text.slice(0, 200))),
  fc.constantFrom('..', '%2e%2e', '..%2f..%2f..%2fetc%2fpasswd', '%00', '%ED%A0%80', '%', '%zz', '%C0%AF', '-1', '0'),
  hostileNumber.map(String),
);

/** Hostile text that stays one header line. */
const headerText = hostileString.map((s) => s.replace(/[\r\n]/g, ' ').slice(0, 2_000));

const textValue = fc.oneof(hostileString, hostileNumber.map(String));

function form(fields: [string, string][]): string {
  return fields.map(([k, v]) => `${encodeText(k)}=${encodeText(v)}`).join('&');
}

function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, item: unknown) => (typeof item === 'bigint' ? String(item) : item)) ?? 'null';
  } catch {
    return '{}';
  }
}

/** Open311 GeoReport v2 and the public tracking page, with and without the city's key. */
function open311Cases(t: HttpTargets): fc.Arbitrary<FuzzCase> {
  const family = 'open311';
  const formats = fc.constantFrom('json', 'json', 'json', 'xml', 'xml', 'JSON', 'html', 'json.json', '');
  const paths = fc.oneof(
    { weight: 1, arbitrary: formats.map((f) => `/open311/v2/services.${f}`) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.oneof(fc.constant(t.serviceCode), segment), formats)
        .map(([c, f]) => `/open311/v2/services/${c}.${f}`),
    },
    { weight: 4, arbitrary: formats.map((f) => `/open311/v2/requests.${f}`) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.oneof(fc.constant(t.caseNo), segment), formats)
        .map(([id, f]) => `/open311/v2/requests/${id}.${f}`),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.oneof(fc.constant(t.trackingCode), segment), formats)
        .map(([id, f]) => `/open311/v2/tokens/${id}.${f}`),
    },
    { weight: 2, arbitrary: fc.oneof(fc.constant(t.trackingCode), segment).map((id) => `/open311/track/${id}.json`) },
    { weight: 1, arbitrary: formats.map((f) => `/open311/discovery.${f}`) },
    { weight: 1, arbitrary: fc.constant('/open311/web-config.json') },
    { weight: 1, arbitrary: segment.map((s) => `/open311/${s}`) },
  );
  const param = fc.tuple(
    fc.constantFrom(
      'api_key',
      'service_code',
      'lat',
      'long',
      'address_string',
      'address_id',
      'description',
      'media_url',
      'email',
      'phone',
      'first_name',
      'last_name',
      'device_id',
      'account_id',
      'attribute[urgency]',
      'attribute[component_id]',
      'attribute[__proto__]',
      'jurisdiction_id',
      'service_request_id',
      'status',
      'start_date',
      'end_date',
      '__proto__',
      'constructor',
    ),
    textValue,
  );
  const validReport: [string, string][] = [
    ['api_key', t.open311Key],
    ['service_code', t.serviceCode],
    ['lat', String(t.point.lat)],
    ['long', String(t.point.lng)],
    ['description', '模糊测试：路灯不亮'],
  ];
  const params = fc
    .tuple(fc.array(param, { maxLength: 6 }), fc.boolean())
    .map(([fields, withValid]) => (withValid ? [...validReport, ...fields] : fields));
  return fc
    .tuple(
      paths,
      fc.constantFrom('GET', 'GET', 'POST', 'POST', 'PUT', 'DELETE', 'HEAD'),
      params,
      fc.constantFrom('form', 'json', 'json-any', 'broken-json', 'query-only', 'repeated', 'huge-query'),
      fc.jsonValue({ maxDepth: 4 }),
      fc.constantFrom(...ROLES),
    )
    .map(([path, method, fields, encoding, anyJson, role]) => {
      let target = path;
      let body = NO_BODY;
      const headers: [string, string][] = [];
      if (encoding === 'query-only' || method === 'GET' || method === 'HEAD') target = `${path}?${form(fields)}`;
      else if (encoding === 'huge-query') target = `${path}?${form(fields)}&q=${'a'.repeat(30_000)}`;
      else if (encoding === 'repeated') target = `${path}?${'service_request_id=1&'.repeat(500)}api_key[]=x&lat[a]=1`;
      else if (encoding === 'form') {
        headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
        body = Buffer.from(form(fields));
      } else if (encoding === 'json') {
        headers.push(['Content-Type', 'application/json']);
        body = Buffer.from(jsonText(Object.fromEntries(fields)));
      } else if (encoding === 'json-any') {
        headers.push(['Content-Type', 'application/json']);
        body = Buffer.from(jsonText(anyJson));
      } else {
        headers.push(['Content-Type', 'application/json; charset=latin1']);
        body = Buffer.from(`{"api_key":"${t.open311Key}",`);
      }
      return {
        family,
        what: () => `${method} ${preview(target, 200)} (${encoding}) ${preview(body.toString(), 200)}`,
        role,
        method,
        target,
        headers,
        body,
        sameOrigin: false,
      };
    });
}

const BOUNDARY = 'fuzzboundary';
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

function partOf(name: string, value: string | Buffer, filename?: string, type?: string): Buffer {
  const disposition = `form-data; name="${name}"${filename === undefined ? '' : `; filename="${filename}"`}`;
  return Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n`),
    Buffer.from(type ? `Content-Type: ${type}\r\n\r\n` : '\r\n'),
    typeof value === 'string' ? Buffer.from(value) : value,
    Buffer.from('\r\n'),
  ]);
}

/** Uploads (multipart, cut short, mislabelled) and downloads (hostile ids and ranges). */
function attachmentCases(t: HttpTargets): fc.Arbitrary<FuzzCase> {
  const family = 'attachments';
  const upload = fc
    .tuple(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom('report', 'feedback', 'handle') },
        { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_TEXTS.slice(0, 20)) },
      ),
      fc.oneof(
        fc.constant('a.png'),
        hostileString.map((s) => s.slice(0, 300)),
      ),
      fc.constantFrom('image/png', 'image/jpeg', 'video/mp4', 'text/html', 'application/x-msdownload', ''),
      fc.constantFrom(
        PNG,
        Buffer.from('GIF89a'),
        Buffer.from('<svg onload=alert(1)>'),
        Buffer.alloc(0),
        Buffer.alloc(70_000, 1),
      ),
      fc.constantFrom(
        'whole',
        'whole',
        'whole',
        'no-closing',
        'cut-in-file',
        'cut-in-header',
        'two-files',
        'no-file',
        'vanish',
      ),
      fc.constantFrom(
        `multipart/form-data; boundary=${BOUNDARY}`,
        `multipart/form-data; boundary=${BOUNDARY}`,
        `multipart/form-data; boundary=${BOUNDARY}`,
        `multipart/form-data; boundary=${BOUNDARY}`,
        'multipart/form-data',
        'multipart/form-data; boundary=',
        'application/json',
        'image/png',
        '',
      ),
      fc.constantFrom(...ROLES),
    )
    .map(([purpose, filename, type, content, shape, contentType, role]) => {
      const purposePart = partOf('purpose', purpose);
      const filePart = partOf('file', content, filename, type);
      const end = Buffer.from(`--${BOUNDARY}--\r\n`);
      let body: Buffer;
      if (shape === 'whole') body = Buffer.concat([purposePart, filePart, end]);
      else if (shape === 'no-closing') body = Buffer.concat([purposePart, filePart]);
      else if (shape === 'cut-in-file')
        body = Buffer.concat([purposePart, filePart]).subarray(0, purposePart.length + 120);
      else if (shape === 'cut-in-header') body = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-da`);
      else if (shape === 'two-files') body = Buffer.concat([purposePart, filePart, filePart, end]);
      else if (shape === 'no-file') body = Buffer.concat([purposePart, end]);
      else body = Buffer.concat([purposePart, filePart]).subarray(0, purposePart.length + 60);
      return {
        family,
        what: () =>
          `POST /api/attachments (${shape}, ${contentType || 'no type'}, purpose ${preview(purpose, 40)}, file ${preview(filename, 60)})`,
        role,
        method: 'POST',
        target: '/api/attachments',
        headers: contentType ? ([['Content-Type', contentType]] as [string, string][]) : [],
        body,
        sameOrigin: true,
        ...(shape === 'vanish' ? { vanish: true, contentLength: body.length + 5_000 } : {}),
      };
    });
  const ranges = fc.oneof(
    fc.constantFrom(
      'bytes=0-10',
      'bytes=-5',
      'bytes=999999999999-',
      'bytes=10-0',
      'bytes=0-1,2-3,4-5,6-7,8-9,10-11,12-13',
      'bytes=--',
      'bytes=1e3-',
      'items=0-1',
      'bytes=0-18446744073709551616',
      `bytes=${'0-1,'.repeat(2000)}0-1`,
      '',
    ),
    headerText.map((s) => `bytes=${s.slice(0, 100)}`),
  );
  const download = fc
    .tuple(
      fc.oneof(fc.constant(String(t.attachmentId)), segment),
      fc.constantFrom('', '/thumb', '/thumb/x', '/..'),
      fc.constantFrom('GET', 'GET', 'HEAD', 'DELETE', 'PUT'),
      fc.option(ranges),
      fc.option(fc.oneof(fc.constantFrom('"etag"', '*', 'W/"x"'), headerText)),
      fc.constantFrom(...ROLES),
    )
    .map(([id, suffix, method, range, ifNoneMatch, role]) => {
      const headers: [string, string][] = [];
      if (range !== null) headers.push(['Range', range]);
      if (ifNoneMatch !== null) headers.push(['If-None-Match', ifNoneMatch]);
      return {
        family,
        what: () => `${method} /api/attachments/${preview(id, 80)}${suffix} range ${preview(range, 60)}`,
        role,
        method,
        target: `/api/attachments/${id}${suffix}`,
        headers,
        body: NO_BODY,
        sameOrigin: true,
      };
    });
  return fc.oneof(upload, download);
}

/** Video analytics alarms (by key), the HLS files (by viewer token) and ZLMediaKit's hooks. */
function videoCases(t: HttpTargets): fc.Arbitrary<FuzzCase> {
  const family = 'video';
  const validAlarm = { channelId: t.channelId, type: 'fire', confidence: 0.9, at: '2026-10-01T08:00:00Z' };
  const alarmField = fc.constantFrom('channelId', 'type', 'confidence', 'at', 'snapshot', '__proto__');
  const alarm = fc.oneof(
    { weight: 2, arbitrary: fc.constant<unknown>(validAlarm) },
    {
      weight: 3,
      arbitrary: fc.tuple(alarmField, hostileValue).map(([field, value]) => ({ ...validAlarm, [field]: value })),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  );
  const aiEvent = fc
    .tuple(
      alarm,
      fc.constantFrom('right', 'wrong', 'none'),
      fc.constantFrom('application/json', 'text/plain', ''),
      fc.boolean(),
    )
    .map(([body, key, contentType, broken]) => {
      const headers: [string, string][] = [];
      if (contentType) headers.push(['Content-Type', contentType]);
      if (key !== 'none') headers.push(['X-Citygov-Key', key === 'right' ? t.videoAiKey : 'wrong-key-123']);
      const text = broken ? `${jsonText(body).slice(0, 20)}` : jsonText(body);
      return {
        family,
        what: () => `POST /api/video/ai-events (key ${key}, ${contentType || 'no type'}) ${preview(text, 200)}`,
        role: 'anonymous' as const,
        method: 'POST',
        target: '/api/video/ai-events',
        headers,
        body: Buffer.from(text),
        sameOrigin: false,
      };
    });
  const hls = fc
    .tuple(segment, fc.oneof(fc.constantFrom('index.m3u8', 'seg00001.m4s', 'init.mp4'), segment))
    .map(([token, file]) => ({
      family,
      what: () => `GET /api/video/hls/${preview(token, 60)}/${preview(file, 60)}`,
      role: 'anonymous' as const,
      method: 'GET',
      target: `/api/video/hls/${token}/${file}`,
      headers: [] as [string, string][],
      body: NO_BODY,
      sameOrigin: false,
    }));
  const zlm = fc
    .tuple(
      fc.constantFrom('on_play', 'on_stream_changed', 'on_stream_none_reader', 'on_rtp_server_timeout', 'nope'),
      fc.jsonValue({ maxDepth: 3 }),
    )
    .map(([hook, body]) => ({
      family,
      what: () => `POST /api/video/zlm/${hook} ${preview(body, 120)}`,
      role: 'anonymous' as const,
      method: 'POST',
      target: `/api/video/zlm/${hook}`,
      headers: [['Content-Type', 'application/json']] as [string, string][],
      body: Buffer.from(jsonText(body)),
      sameOrigin: false,
    }));
  return fc.oneof({ weight: 3, arbitrary: aiEvent }, { weight: 1, arbitrary: hls }, { weight: 1, arbitrary: zlm });
}

/** Probes, the web app's files and fallback, and paths and methods nothing serves. */
function otherCases(): fc.Arbitrary<FuzzCase> {
  const family = 'health, web app, unknown';
  return fc
    .tuple(
      fc.oneof(
        fc.constantFrom(
          '/healthz',
          '/readyz',
          '/',
          '/index.html',
          '/desk',
          '/public/track',
          '/assets/x.js',
          '/favicon.ico',
        ),
        fc.constantFrom(
          '/..%2f..%2f..%2fetc%2fpasswd',
          '/%2e%2e/%2e%2e/package.json',
          '/assets/..%5c..%5cpackage.json',
          '/%ED%A0%80',
          '//evil.example/x',
          '/%00',
          '/api/../../etc/passwd',
          '*',
        ),
        fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => `/${parts.join('/')}`),
      ),
      fc.constantFrom(...METHODS),
      fc.array(
        fc.tuple(
          fc.constantFrom(
            'Cookie',
            'Accept',
            'Accept-Encoding',
            'Accept-Language',
            'X-Forwarded-For',
            'Origin',
            'Sec-Fetch-Site',
            'Content-Type',
            'Range',
            'If-Modified-Since',
            'Authorization',
          ),
          fc.oneof(
            headerText,
            fc.constantFrom(
              'citygov_session=%',
              `citygov_session=${'a'.repeat(8_000)}`,
              'a=b; a=c; citygov_session=',
              'gzip;q=NaN',
              '*/*;q=2',
            ),
          ),
        ),
        { maxLength: 3 },
      ),
      fc.constantFrom(...ROLES),
    )
    .map(([target, method, headers, role]) => ({
      family,
      what: () => `${method} ${preview(target, 200)} ${preview(headers, 200)}`,
      role,
      method,
      target,
      headers,
      body: NO_BODY,
      sameOrigin: true,
    }));
}

/** Every HTTP route family outside tRPC procedures. */
export function httpCases(t: HttpTargets): fc.Arbitrary<FuzzCase> {
  return fc.oneof(
    { weight: 3, arbitrary: open311Cases(t) },
    { weight: 3, arbitrary: attachmentCases(t) },
    { weight: 2, arbitrary: videoCases(t) },
    { weight: 2, arbitrary: otherCases() },
  );
}
