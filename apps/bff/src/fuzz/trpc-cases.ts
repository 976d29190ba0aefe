import fc from 'fast-check';
import superjson from 'superjson';
import { PROCEDURES, SAMPLES, type Targets } from '../testing/procedure-samples';
import { encodeText, type FuzzCase, preview, ROLES, type Role } from './fuzz-case';
import { hostileString, mutatedInput } from './hostile-values';

/** Envelopes no client of ours writes: superjson meta that names prototypes, odd types, broken JSON. */
const RAW_ENVELOPES: readonly string[] = [
  '',
  'null',
  '[]',
  '"x"',
  '1e999',
  '{"json":',
  '{"json":{"a":1}',
  '{"json":null,"meta":null}',
  '{"json":{"id":1},"meta":{"values":{"id":["regexp"]}}}',
  '{"json":{"id":"1"},"meta":{"values":{"id":["bigint"]}}}',
  '{"json":{"id":"99999999999999999999999"},"meta":{"values":{"id":["bigint"]}}}',
  '{"json":{"id":"x"},"meta":{"values":{"id":["Date"]}}}',
  '{"json":{"id":[["a",1]]},"meta":{"values":{"id":["map"]}}}',
  '{"json":{"id":{}},"meta":{"values":{"id":[["class","Nope"]]}}}',
  '{"json":{"id":{}},"meta":{"values":{"id":[["custom","Nope"]]}}}',
  '{"json":{"id":1},"meta":{"values":{"id":["nonsense"]}}}',
  '{"json":{"__proto__":{"polluted":1}},"meta":{"values":{"__proto__":["set"]}}}',
  '{"json":{"a":{}},"meta":{"values":{"a.__proto__.polluted":["undefined"]}}}',
  '{"json":{"a":{},"b":1},"meta":{"referentialEqualities":{"a":["__proto__.polluted"]}}}',
  '{"json":{"a":{},"b":{}},"meta":{"referentialEqualities":{"a":["b.constructor.prototype.polluted"]}}}',
  '{"json":{"constructor":{"prototype":{"polluted":1}}}}',
  '{"json":[1,2,3],"meta":{"values":[["set"]]}}',
  '{"json":{"id":1},"meta":{"values":{"":["undefined"]}}}',
  '{"json":"\\ud800"}',
  '{"json":{"\\u0000":1}}',
];

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/json; charset=nonsense',
  'application/xml',
  '',
];

type Transport = 'normal' | 'wrong-method' | 'batch' | 'big-batch' | 'raw-envelope' | 'content-type' | 'no-csrf';

function envelopeOf(input: unknown): string {
  try {
    return JSON.stringify(superjson.serialize(input));
  } catch {
    // superjson refuses some trees (prototype keys, thousands of levels); the raw JSON still goes out.
    try {
      return JSON.stringify({ json: input }, (_key, value: unknown) =>
        typeof value === 'bigint' ? String(value) : value,
      );
    } catch {
      return `{"json":${'['.repeat(3_000)}${']'.repeat(3_000)}}`;
    }
  }
}

function callOf(
  family: string,
  path: string,
  type: string,
  role: Role,
  transport: Transport,
  envelope: string,
  extra: { contentType?: string; batchSize?: number },
): Omit<FuzzCase, 'what'> {
  const asQuery = type !== 'mutation';
  const get = transport === 'wrong-method' ? !asQuery : asQuery;
  const accept: [string, string][] = type === 'subscription' ? [['Accept', 'text/event-stream']] : [];
  const base = { family, role, headers: accept, sameOrigin: transport !== 'no-csrf' };
  if (transport === 'batch' || transport === 'big-batch') {
    // The server refuses a body over 1 MB anyway; a 500-call batch of a megabyte input would not fit in a string.
    const size = Math.max(1, Math.min(extra.batchSize ?? 2, Math.floor(4_000_000 / Math.max(envelope.length, 1))));
    const paths = Array.from({ length: size }, () => path).join(',');
    const inputs = `{${Array.from({ length: size }, (_, i) => `"${i}":${envelope || 'null'}`).join(',')}}`;
    return get
      ? {
          ...base,
          method: 'GET',
          target: `/trpc/${paths}?batch=1&input=${encodeText(inputs.slice(0, 40_000))}`,
          body: Buffer.alloc(0),
        }
      : {
          ...base,
          method: 'POST',
          target: `/trpc/${paths}?batch=1`,
          headers: [...accept, ['Content-Type', 'application/json']],
          body: Buffer.from(inputs),
        };
  }
  if (get) {
    // Anything past the 16 KiB head limit is refused the same way (431): no need to encode megabytes.
    const query = envelope === '' ? '' : `?input=${encodeText(envelope.slice(0, 40_000))}`;
    return { ...base, method: 'GET', target: `/trpc/${path}${query}`, body: Buffer.alloc(0) };
  }
  const contentType = transport === 'content-type' ? (extra.contentType ?? '') : 'application/json';
  return {
    ...base,
    method: 'POST',
    target: `/trpc/${path}`,
    headers: contentType ? [...accept, ['Content-Type', contentType]] : accept,
    body: Buffer.from(envelope),
  };
}

/** Every procedure of the app router, as every role, with mutations of its valid sample. */
export function trpcCases(targets: Targets): fc.Arbitrary<FuzzCase> {
  const procedures = PROCEDURES.map(([path, procedure]) => {
    const sample = SAMPLES[path];
    if (!sample) throw new Error(`no sample input for ${path} (testing/procedure-samples.ts)`);
    return { path, type: procedure._def.type, sample: () => sample(targets) };
  });
  return fc
    .tuple(
      fc.constantFrom(...procedures),
      fc.constantFrom(...ROLES),
      fc.constantFrom<Transport>(
        'normal',
        'normal',
        'normal',
        'normal',
        'normal',
        'normal',
        'normal',
        'normal',
        'wrong-method',
        'batch',
        'big-batch',
        'raw-envelope',
        'content-type',
        'no-csrf',
      ),
      fc.nat(),
      fc.constantFrom(...RAW_ENVELOPES),
      fc.constantFrom(...CONTENT_TYPES),
      fc.constantFrom(3, 20, 500),
    )
    .chain(([procedure, role, transport, seed, rawEnvelope, contentType, batchSize]) =>
      mutatedInput(procedure.sample()).map(({ mutation, input }) => {
        const family = `trpc ${procedure.path.split('.')[0]}`;
        const envelope = transport === 'raw-envelope' ? rawEnvelope : envelopeOf(input);
        const call = callOf(family, procedure.path, procedure.type, role, transport, envelope, {
          contentType,
          batchSize: transport === 'big-batch' ? batchSize : 2 + (seed % 2),
        });
        const what = () =>
          `${procedure.path} as ${role} via ${transport} (${mutation}): ${preview(
            transport === 'raw-envelope' ? rawEnvelope : input,
          )}`;
        return { ...call, what, label: procedure.path };
      }),
    );
}

/** Requests to /trpc that name no procedure or break the transport itself. */
export function trpcTransportCases(): fc.Arbitrary<FuzzCase> {
  const family = 'trpc transport';
  return fc.oneof(
    fc
      .tuple(hostileString, fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'))
      .map(([name, method]) => ({
        family,
        what: () => `${method} /trpc/<${preview(name, 80)}>`,
        role: 'city_admin' as const,
        method,
        target: `/trpc/${encodeText(name)}`,
        headers: [['Content-Type', 'application/json']] as [string, string][],
        body: method === 'GET' || method === 'HEAD' ? Buffer.alloc(0) : Buffer.from('{"json":{}}'),
        sameOrigin: true,
      })),
    fc.constantFrom(20_000, 70_000).map((size) => ({
      family,
      what: () => `GET with a ${size}-byte query`,
      role: 'collector' as const,
      method: 'GET',
      target: `/trpc/cases.list?input=${'%7B'.repeat(size / 3)}`,
      headers: [],
      body: Buffer.alloc(0),
      sameOrigin: true,
    })),
    fc
      .constantFrom(
        '/trpc/cases.list?input=%',
        '/trpc/cases.list?input=%E0%A4%A',
        '/trpc/%ED%A0%80',
        '/trpc/?batch=1',
        '/trpc',
      )
      .map((target) => ({
        family,
        what: () => `GET ${target}`,
        role: 'collector' as const,
        method: 'GET',
        target,
        headers: [],
        body: Buffer.alloc(0),
        sameOrigin: true,
      })),
    fc.constantFrom(1_000, 1_200_000, 3_000_000).map((size) => ({
      family,
      what: () => `POST cases.report with a ${size}-byte body`,
      role: 'collector' as const,
      method: 'POST',
      target: '/trpc/cases.report',
      headers: [['Content-Type', 'application/json']] as [string, string][],
      body: Buffer.from(`{"json":{"description":"${'x'.repeat(size)}"}}`),
      sameOrigin: true,
    })),
    fc.constant({
      family,
      what: () => 'POST cases.report with chunked garbage',
      role: 'collector' as const,
      method: 'POST',
      target: '/trpc/cases.report',
      headers: [
        ['Content-Type', 'application/json'],
        ['Transfer-Encoding', 'chunked'],
      ] as [string, string][],
      body: Buffer.from('zz\r\n{"json"\r\n0\r\n\r\n'),
      sameOrigin: true,
      contentLength: 'omit' as const,
    }),
  );
}
