import { describe, expect, it } from 'vitest';
import { HOSTILE_TEXTS } from './hostile-values';
import { judge, leakIn } from './verdict';

const json = (status: number, body: unknown) =>
  judge({ kind: 'answer', status, contentType: 'application/json', body: JSON.stringify(body) });

describe('the fuzzer’s verdict', () => {
  it('counts a 5xx and an INTERNAL_SERVER_ERROR inside any answer', () => {
    expect(json(500, { error: { code: 'INTERNAL_ERROR', message: '服务器内部错误' } }).serverError).toBe(true);
    expect(json(200, [{ error: { json: { data: { code: 'INTERNAL_SERVER_ERROR' } } } }]).serverError).toBe(true);
    const refused = json(400, { error: { json: { data: { code: 'BAD_REQUEST' } } } });
    expect(refused).toMatchObject({ serverError: false, label: '400 BAD_REQUEST', leak: null });
  });

  it('finds stacks, source positions, paths, driver messages and SQL', () => {
    expect(leakIn('Error: x\n    at handler (/srv/app/index.js:1:2)', 500)).toBe('a stack frame');
    expect(leakIn('"stack": "Error"', 400)).toBe('a stack property');
    expect(leakIn('failed in router.ts:12', 400)).toBe('a source file position');
    expect(leakIn('syntax error at or near "x"', 400)).toBe('a driver message');
    expect(leakIn('relation \\"cases\\" does not exist', 400)).toBe('a driver message');
    expect(leakIn('PGlite died', 200)).toBe('the database engine');
    expect(leakIn('Failed query: select 1', 500)).toBe('a failed query');
    expect(leakIn('查询失败：select id from users where id = $1', 400)).toBe('SQL');
  });

  it('takes neither our own hostile texts nor a quoted request for a leak', () => {
    for (const text of HOSTILE_TEXTS) expect(leakIn(JSON.stringify({ message: text }), 400), text).toBeNull();
    const quoted = '{"message":"请求编号「1 UNION SELECT password_hash FROM u」不存在"}';
    expect(leakIn(quoted, 404, '/v2/requests/1 UNION SELECT password_hash FROM users--.json')).toBeNull();
    expect(leakIn(quoted, 404, '/v2/requests/1.json')).toBe('SQL');
    // A 2xx may list what users wrote, SQL-ish text included.
    expect(leakIn('{"description":"select x from y"}', 200)).toBeNull();
  });

  it('tells a client that left, a hang and a missing answer apart', () => {
    expect(judge({ kind: 'vanished' }).label).toBe('vanished');
    expect(judge({ kind: 'timeout' }).timeout).toBe(true);
    expect(judge({ kind: 'no-answer', reason: 'ECONNREFUSED' }).noAnswer).toBe(true);
  });
});
