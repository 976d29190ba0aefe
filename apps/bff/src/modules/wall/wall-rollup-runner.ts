import type { Database } from '@citygov/db/client';
import { createWallRollup, type WallRollup } from './wall-rollup';

const rollups = new WeakMap<Database, WallRollup>();

/** This process's rollup runner for a database (one per database, shared by every wall). */
export function wallRollupOf(db: Database): WallRollup {
  let rollup = rollups.get(db);
  if (!rollup) {
    rollup = createWallRollup(db);
    rollups.set(db, rollup);
  }
  return rollup;
}
