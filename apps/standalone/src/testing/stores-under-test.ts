import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestDatabase } from '@meridian/platform/testing';
import { createTestDatabase } from '@meridian/platform/testing';

export type StoreUnderTest = Readonly<{ url: string; dispose: () => Promise<void> }>;

const embeddedStore = async (): Promise<StoreUnderTest> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'meridian-e2e-'));
  return { url: `embedded:${dataDir}`, dispose: async () => rmSync(dataDir, { recursive: true, force: true }) };
};

const postgresStore = async (): Promise<StoreUnderTest> => {
  const database: TestDatabase = await createTestDatabase('meridian_e2e');
  return { url: database.url, dispose: database.drop };
};

/** The same journeys run on the embedded store (npm start) and on PostgreSQL (production). */
export const storesUnderTest: readonly (readonly [string, () => Promise<StoreUnderTest>])[] = [
  ['embedded', embeddedStore],
  ['PostgreSQL', postgresStore],
];
