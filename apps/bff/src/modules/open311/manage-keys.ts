/**
 * Open311 API keys from the command line (there is no admin screen yet):
 *
 *   npx tsx apps/bff/src/modules/open311/manage-keys.ts list
 *   npx tsx apps/bff/src/modules/open311/manage-keys.ts create "12345 热线对接"
 *   npx tsx apps/bff/src/modules/open311/manage-keys.ts revoke "12345 热线对接"
 *   npx tsx apps/bff/src/modules/open311/manage-keys.ts activate "12345 热线对接"
 *   npx tsx apps/bff/src/modules/open311/manage-keys.ts rotate-web
 *
 * It opens the database the server uses (DATABASE_URL, or the PGlite folder
 * CITYGOV_DATA_DIR — stop the server first: PGlite allows one process at a time).
 * A created key is printed once; only its hash is stored.
 */
import { openDatabase } from '@citygov/db/client';
import { loadConfig } from '../../env';
import { createApiKey, listApiKeys, rotatePublicWebKey, setApiKeyActive } from './api-keys';

async function run(command: string | undefined, name: string | undefined): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    switch (command) {
      case 'list': {
        for (const key of await listApiKeys(database.db)) {
          const used = key.lastUsedAt ? key.lastUsedAt.toISOString() : '从未使用';
          console.log(`${key.active ? '启用' : '停用'}\t${key.keyPrefix}…\t${key.name}\t最近使用：${used}`);
        }
        return 0;
      }
      case 'create': {
        if (!name) break;
        const created = await createApiKey(database.db, name);
        console.log(`已创建「${created.name}」的 API key（只显示这一次，请妥善交给对接方）：\n${created.key}`);
        return 0;
      }
      case 'revoke':
      case 'activate': {
        if (!name) break;
        const done = await setApiKeyActive(database.db, name, command === 'activate');
        console.log(done ? `已${command === 'activate' ? '启用' : '停用'}「${name}」` : `没有名为「${name}」的 key`);
        return done ? 0 : 1;
      }
      case 'rotate-web': {
        const key = await rotatePublicWebKey(database.db);
        console.log(key ? '公众网页的 key 已更换，旧 key 立即失效' : '公众网页的 key 不存在');
        return 0;
      }
      default:
        break;
    }
    console.error('用法：manage-keys.ts list | create <名称> | revoke <名称> | activate <名称> | rotate-web');
    return 2;
  } finally {
    await database.close();
  }
}

run(process.argv[2], process.argv[3]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
