// Apache Kafka 3.9 as a single-node KRaft broker (broker and controller in one
// JVM), built from Maven Central jars: no Kafka distribution tarball and no
// Docker. The jars are resolved once by Maven into .infra/cache/kafka-<version>.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { log, seconds, run } = require('./processes');

const KAFKA_VERSION = '3.9.1';
const SCALA_VERSION = '2.13';
const SLF4J_VERSION = '1.7.36';

const cacheDir = (root) => path.join(root, '.infra', 'cache', `kafka-${KAFKA_VERSION}`);

const pom = `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>meridian.infra</groupId><artifactId>kafka-runtime</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_${SCALA_VERSION}</artifactId><version>${KAFKA_VERSION}</version></dependency>
    <!-- Kafka logs through slf4j; reload4j is the log4j 1.x API Kafka 3.x configures. -->
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-reload4j</artifactId><version>${SLF4J_VERSION}</version></dependency>
  </dependencies>
</project>
`;

const isInstalled = (root) => fs.existsSync(path.join(cacheDir(root), `kafka_${SCALA_VERSION}-${KAFKA_VERSION}.jar`));

/**
 * Resolves the broker's runtime class path with Maven. Jars land in a scratch
 * directory that is renamed into place only when complete, so an interrupted
 * download never passes for an installed Kafka.
 */
const installKafka = async (root) => {
  if (isInstalled(root)) return;
  const started = Date.now();
  const target = cacheDir(root);
  const scratch = `${target}.partial-${process.pid}`;
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true });
  try {
    fs.writeFileSync(path.join(scratch, 'pom.xml'), pom);
    log(`Kafka ${KAFKA_VERSION}: resolving jars from Maven Central with mvn…`);
    await run('mvn', ['-q', '-B', '-f', path.join(scratch, 'pom.xml'), 'dependency:copy-dependencies',
      `-DoutputDirectory=${path.join(scratch, 'jars')}`, '-DincludeScope=runtime'])
      .catch((error) => {
        throw new Error(/could not start/.test(error.message)
          ? 'Maven (mvn) is needed to fetch Kafka from Maven Central: apt-get install maven (and openjdk-17-jre-headless).'
          : error.message);
      });
    if (!fs.existsSync(target)) fs.renameSync(path.join(scratch, 'jars'), target); // else a concurrent install won
    log(`Kafka ${KAFKA_VERSION}: ${fs.readdirSync(target).length} jars in ${path.relative(root, target)} (${seconds(started)})`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
};

/**
 * A random cluster id in Kafka's format (16 bytes, base64url, no padding),
 * saving a JVM start for `random-uuid`. Like Kafka's Uuid.randomUuid it never
 * starts with '-', which the command line would take for an option.
 */
const clusterId = () => {
  for (;;) {
    const id = crypto.randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
};

const serverProperties = ({ dataDir, port, controllerPort }) => `# Single-node KRaft for tests and local runs: every replication factor is 1.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${controllerPort}
listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}
advertised.listeners=PLAINTEXT://127.0.0.1:${port}
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
log.dirs=${dataDir}
num.partitions=1
auto.create.topics.enable=true
offsets.topic.replication.factor=1
# Fewer internal partitions: the first consumer group joins faster.
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
group.initial.rebalance.delay.ms=0
`;

// Everything to stdout, which the launcher sends to .infra/run/kafka.log; the
// noisiest loggers are held at WARN so the log tail on failure stays readable.
const log4jProperties = `log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.log.LogCleaner=WARN
log4j.logger.org.apache.kafka.storage=WARN
log4j.logger.kafka.cluster.Partition=WARN
log4j.logger.state.change.logger=WARN
log4j.logger.org.apache.kafka.clients=WARN
`;

const javaCommand = () => (process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java');

const jvmOptions = (configDir) => [
  ...(process.env.KAFKA_HEAP_OPTS || '-Xmx512m -Xms128m').split(/\s+/).filter(Boolean),
  '-XX:+UseG1GC',
  '-Djava.awt.headless=true',
  `-Dlog4j.configuration=file:${path.join(configDir, 'log4j.properties')}`,
];

/** The server description servers.js launches: two ports (client, controller). */
const kafkaServer = {
  key: 'kafka',
  name: `Kafka ${KAFKA_VERSION}`,
  portCount: 2,
  startTimeoutMs: 60_000,
  stopSignal: 'SIGTERM', // controlled shutdown
  stopTimeoutMs: 30_000,
  install: installKafka,
  /** Writes the config, formats the storage, and returns the command to start. */
  prepare: async ({ root, dir, ports: [port, controllerPort] }) => {
    const dataDir = path.join(dir, 'data');
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'server.properties'), serverProperties({ dataDir, port, controllerPort }));
    fs.writeFileSync(path.join(dir, 'log4j.properties'), log4jProperties);
    const classPath = `${cacheDir(root)}/*`;
    await run(javaCommand(), [...jvmOptions(dir), '-cp', classPath, 'kafka.tools.StorageTool', 'format',
      '-t', clusterId(), '-c', path.join(dir, 'server.properties')])
      .catch((error) => {
        throw new Error(/could not start/.test(error.message) ? 'Java 17 is needed to run Kafka: apt-get install openjdk-17-jre-headless.' : error.message);
      });
    return { command: javaCommand(), args: [...jvmOptions(dir), '-cp', classPath, 'kafka.Kafka', path.join(dir, 'server.properties')] };
  },
  url: ([port]) => `127.0.0.1:${port}`,
  env: (url) => ({ KAFKA_BROKERS: url }),
  /** Ready once the broker answers a metadata request through a real client. */
  probe: async (url) => {
    const { Kafka, logLevel } = require('kafkajs');
    const admin = new Kafka({ clientId: 'meridian-infra-probe', brokers: [url], logLevel: logLevel.NOTHING, connectionTimeout: 1000, requestTimeout: 3000, retry: { retries: 0 } }).admin();
    try {
      await admin.connect();
      await admin.listTopics();
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  },
};

module.exports = { KAFKA_VERSION, kafkaServer, installKafka };
