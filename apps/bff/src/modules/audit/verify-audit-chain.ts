import { type Queryable, rowsOf } from '@citygov/db/client';
import { sql } from 'drizzle-orm';

const GENESIS = '0'.repeat(64);
const PAGE = 5_000;

export interface ChainBreak {
  /** The first row whose link or content does not match (or where rows are missing). */
  chainSeq: number;
  id: number | null;
  reason: string;
}

export interface ChainReport {
  intact: boolean;
  rows: number;
  /** Rows that do not match (changed content or a broken link). */
  badRows: number;
  firstBreak: ChainBreak | null;
  /** The head as the chain trigger left it; a verifier can note it elsewhere to catch a rewrite. */
  head: { lastSeq: number; lastHash: string } | null;
}

interface ChainRow {
  id: unknown;
  chain_seq: unknown;
  prev_hash: string;
  row_hash: string;
  computed: string;
}

/**
 * Recomputes the audit chain row by row in chain order: each row's hash over the previous
 * hash and its canonical content, each link, the sequence without gaps, and the head.
 * The canonical expression is written out here rather than calling the database's
 * audit_log_row_hash(), so a replaced function does not vouch for itself.
 */
export async function verifyAuditChain(db: Queryable): Promise<ChainReport> {
  let rows = 0;
  let badRows = 0;
  let firstBreak: ChainBreak | null = null;
  let lastSeq = 0;
  let lastHash = GENESIS;
  const broken = (chainSeq: number, id: number | null, reason: string) => {
    badRows += 1;
    firstBreak ??= { chainSeq, id, reason };
  };

  for (;;) {
    const page = rowsOf<ChainRow>(
      await db.execute(sql`
        select id, chain_seq, prev_hash, row_hash,
          encode(sha256(convert_to(prev_hash || E'\n' || jsonb_build_array(
            chain_seq, id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
            user_id, username, action, outcome, target, detail, ip, area_path
          )::text, 'UTF8')), 'hex') as computed
        from audit_log where chain_seq > ${lastSeq} order by chain_seq limit ${PAGE}`),
    );
    for (const row of page) {
      const seq = Number(row.chain_seq);
      const id = Number(row.id);
      rows += 1;
      if (seq !== lastSeq + 1) broken(lastSeq + 1, null, `缺少第 ${lastSeq + 1}–${seq - 1} 条记录（已被删除）`);
      else if (row.prev_hash !== lastHash) broken(seq, id, '与上一条记录的链接不符（前序记录被改动或删除）');
      if (row.computed !== row.row_hash) broken(seq, id, '记录内容与其哈希不符（已被改动）');
      lastSeq = seq;
      lastHash = row.row_hash;
    }
    if (page.length < PAGE) break;
  }

  const [headRow] = rowsOf<{ last_seq: unknown; last_hash: string }>(
    await db.execute(sql`select last_seq, last_hash from audit_chain_head where id = 1`),
  );
  const head = headRow ? { lastSeq: Number(headRow.last_seq), lastHash: headRow.last_hash } : null;
  if (!head) broken(lastSeq + 1, null, '链头记录缺失');
  else if (head.lastSeq !== lastSeq || head.lastHash !== lastHash) {
    broken(lastSeq + 1, null, `链头为第 ${head.lastSeq} 条，日志只到第 ${lastSeq} 条（末尾记录被删除或链头被改动）`);
  }
  return { intact: badRows === 0, rows, badRows, firstBreak, head };
}
