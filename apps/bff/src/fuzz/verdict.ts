import { HOSTILE_TEXTS } from './hostile-values';
import type { RawOutcome } from './send-raw';

/**
 * What no answer may ever show a client, whatever its status: stack frames, source
 * files, the checkout's path, module folders, and the database driver's own words.
 */
const INTERNALS: readonly [string, RegExp][] = [
  ['a stack frame', /\bat (?:async )?[\w$.<>[\]]*\s*\(?(?:\/|file:|node:)/],
  ['a stack property', /"stack"\s*:/],
  ['a source file position', /\.(?:ts|js|mjs|cjs):\d+/],
  ['a module folder', /node_modules/],
  ['an absolute path', /(?:^|[\s"'(=])\/(?:home|root|tmp|usr|srv|opt|app|work)\//],
  [
    'a driver message',
    /syntax error at|relation \\?"|duplicate key value|violates (?:foreign key|unique|not-null|check)/i,
  ],
  ['the database engine', /PGlite|postgres|PostgresError|SQLSTATE|drizzle/i],
  ['a failed query', /Failed query|\bparams:/],
];

/** SQL statements: checked in error answers only (a 2xx may list what users wrote, SQL-ish text included). */
const SQL = /\b(?:select\s[^"]{0,200}?\sfrom\s|insert\s+into\s|update\s+\S+\s+set\s|delete\s+from\s)/i;

/** Our own hostile texts, as sent and as JSON or XML carries them, removed before the SQL check. */
const ECHOES: string[] = HOSTILE_TEXTS.filter((text) => text.length > 3).flatMap((text) => [
  text,
  JSON.stringify(text).slice(1, -1),
  text.replace(/'/g, '&apos;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
]);

export interface Verdict {
  /** The status label counted for its family: `400 BAD_REQUEST`, `200`, `vanished`, `timeout`. */
  label: string;
  /** A 5xx, or a tRPC INTERNAL_SERVER_ERROR inside any answer. */
  serverError: boolean;
  /** What the body shows that it must not, or null. */
  leak: string | null;
  /** The server did not answer at all. */
  noAnswer: boolean;
  timeout: boolean;
}

function codeIn(body: string, contentType: string): string | null {
  if (!contentType.includes('json')) return null;
  const trpc = /"code"\s*:\s*"([A-Z_]+)"/.exec(body);
  return trpc?.[1] ?? null;
}

/** Lower case, whitespace folded: how an echo is compared with what was sent. */
function folded(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ');
}

/**
 * `sent` is the request as text (target decoded, and body): SQL in an error body that the
 * request itself carried (an id quoted back in "请求编号「…」不存在") is an echo, not a leak.
 */
export function leakIn(body: string, status: number, sent = ''): string | null {
  if (body.includes(process.cwd())) return 'the working directory';
  for (const [name, pattern] of INTERNALS) if (pattern.test(body)) return name;
  if (status >= 400) {
    let stripped = body;
    for (const echo of ECHOES) stripped = stripped.split(echo).join('');
    const sql = SQL.exec(stripped);
    if (sql && !folded(sent).includes(folded(sql[0]))) return 'SQL';
  }
  return null;
}

export function judge(outcome: RawOutcome, sent = ''): Verdict {
  if (outcome.kind === 'vanished') {
    return { label: 'vanished', serverError: false, leak: null, noAnswer: false, timeout: false };
  }
  if (outcome.kind === 'timeout') {
    return { label: 'timeout', serverError: false, leak: null, noAnswer: false, timeout: true };
  }
  if (outcome.kind === 'no-answer') {
    return { label: 'no answer', serverError: false, leak: null, noAnswer: true, timeout: false };
  }
  const code = codeIn(outcome.body, outcome.contentType);
  const label = code && outcome.status >= 400 ? `${outcome.status} ${code}` : String(outcome.status);
  return {
    label,
    serverError: outcome.status >= 500 || /"INTERNAL_SERVER_ERROR"|"INTERNAL_ERROR"/.test(outcome.body),
    leak: leakIn(outcome.body, outcome.status, sent),
    noAnswer: false,
    timeout: false,
  };
}
