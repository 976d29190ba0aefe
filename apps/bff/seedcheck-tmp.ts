import { migrateDatabase, openDatabase, rowsOf } from '@citygov/db/client';
import { seedDemoCity } from '@citygov/db/seed/seed-demo-city';
import { sql } from 'drizzle-orm';

const url = process.argv[2];
const open = await openDatabase(url ? { databaseUrl: url } : {});
await migrateDatabase(open);
const steps = new Map<string, string>();
let t = Date.now();
const counts = await seedDemoCity(open.db, { onProgress: (p) => steps.set(p.step, `${p.done}/${p.total}`) });
console.log(open.kind, 'seed ms', Date.now() - t, counts, Object.fromEntries(steps));
t = Date.now();
console.log('second run', await seedDemoCity(open.db), 'ms', Date.now() - t);
const q = async (s: ReturnType<typeof sql>) => rowsOf<Record<string, unknown>>(await open.db.execute(s));
console.log(await q(sql`select level, count(*)::int n, min(path) p from areas group by level order by n`));
console.log(
  await q(
    sql`select count(*)::int bad from areas c join areas p on c.parent_id = p.id where c.path <> p.path || c.id || '/'`,
  ),
);
console.log(
  await q(
    sql`select id, code, name, path, center_lng, center_lat, min_lng, max_lat, jsonb_array_length(boundary->0) nv from areas where code in ('330100','330102','330102001','330102001001','33010200100103')`,
  ),
);
console.log(await q(sql`select kind, count(*)::int from departments group by kind`));
console.log(
  await q(
    sql`select d.id, d.name, d.kind, d.path, a.name area from departments d join areas a on a.id = d.area_id order by d.id limit 40`,
  ),
);
console.log(
  await q(
    sql`select u.username, u.display_name, u.role, u.position, u.phone, a.name area, a.level, d.name dept from users u join areas a on a.id = u.area_id left join departments d on d.id = u.department_id order by u.id`,
  ),
);
console.log(
  await q(sql`select count(*)::int majors from category_majors`),
  await q(sql`select count(*)::int limits from category_time_limits`),
);
console.log(
  await q(
    sql`select stage, urgency, amount, unit, count(*)::int from category_time_limits group by 1,2,3,4 order by 1,2,3`,
  ),
);
console.log(
  await q(
    sql`select distinct on (kind, major_code) kind, major_code, name, synonyms, file_condition, close_condition from categories order by kind, major_code, code`,
  ),
);
await open.close();
