// Jest globalTeardown: stops the servers globalSetup started, if any (never one
// named by a variable we were given), and removes their files.
const { seconds } = require('../infra/processes');

const stopPostgres = async (server) => {
  const started = Date.now();
  await server.stop();
  delete process.env.DATABASE_URL;
  console.log(`[jest] ${server.description}: stopped (${seconds(started)})`);
};

const stopKafkaAndMongo = async (servers) => {
  await servers.stop();
  for (const name of Object.keys(servers.env)) delete process.env[name];
};

module.exports = async function globalTeardown() {
  const postgres = globalThis.__meridianTestPostgres;
  const kafkaAndMongo = globalThis.__meridianTestKafkaAndMongo;
  globalThis.__meridianTestPostgres = undefined;
  globalThis.__meridianTestKafkaAndMongo = undefined;
  await Promise.all([postgres && stopPostgres(postgres), kafkaAndMongo && stopKafkaAndMongo(kafkaAndMongo)]);
};
