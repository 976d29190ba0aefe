/**
 * `pnpm audit:verify`: checks the operation log's hash chain in the database the app
 * uses (DATABASE_URL, or the PGlite folder CITYGOV_DATA_DIR — stop the app first, as a
 * PGlite folder has one user at a time). Reads only. Exit code 0: intact; 1: broken; 2: error.
 */
import { openDatabase } from '@citygov/db/client';
import { loadConfig } from '../../env';
import { verifyAuditChain } from './verify-audit-chain';

async function main(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, maxConnections: 1 });
  try {
    const report = await verifyAuditChain(database.db);
    console.log(`[audit:verify] ${database.kind} (${database.location}): ${report.rows} rows checked`);
    if (report.head) console.log(`[audit:verify] head: #${report.head.lastSeq} ${report.head.lastHash}`);
    if (report.intact) {
      console.log('[audit:verify] chain intact');
      return 0;
    }
    const at = report.firstBreak;
    console.log(`[audit:verify] CHAIN BROKEN: ${report.badRows} bad row(s)`);
    if (at)
      console.log(
        `[audit:verify] first break at chain_seq ${at.chainSeq}${at.id ? ` (id ${at.id})` : ''}: ${at.reason}`,
      );
    return 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('[audit:verify] failed:', error);
    process.exit(2);
  },
);
