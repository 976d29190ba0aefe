/**
 * The demo city's 浙政钉 accounts: one per demo account, with the accountId and employee
 * code (工号) the 浙政钉 simulator hands out and the seed binds. One is left unbound, so the
 * demo shows first-login binding (sign in once with our password). Pure data, read by the
 * seed and by the simulator (apps/bff/src/adapters/zzd/simulator.ts).
 */
import { DEMO_ACCOUNTS } from './demo-accounts';

export interface DemoZzdAccount {
  accountId: number;
  employeeCode: string;
  name: string;
  /** Our demo account this person is; bound by the seed unless `boundInSeed` is false. */
  username: string;
  boundInSeed: boolean;
}

/** The demo account whose 浙政钉 account the seed does not bind (first-login binding). */
export const DEMO_ZZD_UNBOUND_USERNAME = 'yunshan.collector';

/** The demo 浙政钉 tenant (租户). */
export const DEMO_ZZD_TENANT_ID = '196729';

export const DEMO_ZZD_ACCOUNTS: readonly DemoZzdAccount[] = DEMO_ACCOUNTS.map((account, i) => ({
  accountId: 81_000 + i + 1,
  employeeCode: `YH${String(i + 1).padStart(5, '0')}`,
  name: account.displayName,
  username: account.username,
  boundInSeed: account.username !== DEMO_ZZD_UNBOUND_USERNAME,
}));
