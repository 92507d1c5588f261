// Jest globalSetup (plain JS: Jest loads it without a transform). Provides a
// PostgreSQL server for integration and end-to-end specs through DATABASE_URL,
// which the test workers inherit. Specs create their own database on it
// (createTestDatabase in @meridian/platform/testing).
const { startTestPostgres } = require('./postgres/test-postgres');

/** A run restricted to the unit project (`--selectProjects unit`) needs no server. */
const mayNeedPostgres = (globalConfig) =>
  !globalConfig.selectProjects || globalConfig.selectProjects.some((project) => project !== 'unit');

module.exports = async function globalSetup(globalConfig) {
  if (process.env.DATABASE_URL || !mayNeedPostgres(globalConfig)) return;
  const server = await startTestPostgres();
  process.env.DATABASE_URL = server.url;
  // globalTeardown runs in this same process and stops what we started.
  globalThis.__meridianTestPostgres = server;
};
