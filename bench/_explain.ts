import { openDatabase } from '../packages/db/src/client';
import { explainCall, QUEUE_CALLS_MEASURED } from './case-queues';

const open = await openDatabase({ databaseUrl: process.argv[2] ?? '' });
try {
  for (let pass = 0; pass < 2; pass++)
    for (const call of QUEUE_CALLS_MEASURED) {
      const e = await explainCall(open, call);
      if (pass === 0) continue;
      console.log(`\n### ${call.label}`);
      for (const st of e.statements) {
        console.log(
          `-- [${st.role}] exec ${st.plan.executionMs.toFixed(1)} ms jit ${st.plan.jitMs} | ${st.plan.spine} | hit ${st.plan.sharedHit} read ${st.plan.sharedRead}`,
        );
        if (process.env.SQL) console.log(st.sql, JSON.stringify(st.params));
        if (process.env.PLAN) console.log(st.plan.text);
      }
    }
} finally {
  await open.close();
}
