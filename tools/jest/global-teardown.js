// Jest globalTeardown: stops the PostgreSQL server globalSetup started, if any
// (never one named by a DATABASE_URL we were given), and removes its files.
module.exports = async function globalTeardown() {
  const server = globalThis.__meridianTestPostgres;
  if (!server) return;
  globalThis.__meridianTestPostgres = undefined;
  delete process.env.DATABASE_URL;
  await server.stop();
};
