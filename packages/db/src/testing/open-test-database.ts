import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { type OpenDatabase, openDatabase } from '../client';
import {
  createDatabaseFromTemplate,
  databaseUrlFor,
  dropDatabase,
  TEMPLATE_KEY,
  testDatabaseKind,
} from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    citygovTemplate: string;
  }
}

/** Opens a private clone of the seeded template for one test file. */
export async function openTestDatabase(): Promise<OpenDatabase> {
  const template = inject(TEMPLATE_KEY);
  if (!template) throw new Error('no template database: run tests through vitest (its global setup makes one)');
  if (testDatabaseKind() === 'pglite') {
    const dump = new Blob([readFileSync(template)]);
    return openDatabase({ dataDir: 'memory://', loadDataDir: dump });
  }
  const name = await createDatabaseFromTemplate(template);
  const open = await openDatabase({ databaseUrl: databaseUrlFor(name), maxConnections: 5 });
  return {
    ...open,
    close: async () => {
      await open.close();
      await dropDatabase(name);
    },
  };
}
