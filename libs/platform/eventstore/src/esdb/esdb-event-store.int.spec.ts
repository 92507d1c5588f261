import { describeCheckpointStoreContract, describeEventStoreContract } from '../testing';
import type { EsdbCheckpointStore } from './esdb-checkpoint-store';
import { openEsdbCheckpointStore, openEsdbEventStore } from './open-esdb';
import type { EsdbTestServer } from './testing/esdb-test-server';
import { esdbTestTarget, noEsdbSkipLine, startEsdbTestServer } from './testing/esdb-test-server';

/**
 * The shared contracts against a real EventStoreDB/KurrentDB node. Known gap,
 * expected to fail here until the contract can be told about it: "event ids
 * stored in another stream are refused" (EventStoreDB has no index by event
 * id; see esdb-append.ts).
 */
const target = esdbTestTarget();

if (target.kind === 'none') {
  // Loud on purpose: a suite that silently passes without a server would prove nothing. Written
  // to stderr directly, because Jest drops the console output of a file whose tests are all skipped.
  process.stderr.write(`${noEsdbSkipLine}\n`);
  describe.skip(noEsdbSkipLine, () => {
    it('EventStore contract against EventStoreDB', () => undefined);
    it('CheckpointStore contract against EventStoreDB', () => undefined);
  });
} else {
  let server: EsdbTestServer | undefined;
  const serverUrl = (): string => {
    if (!server) throw new Error('EventStoreDB did not start');
    return server.url;
  };

  // Image pulls and the node's start can take minutes; the contracts' own open timeouts are shorter.
  beforeAll(async () => {
    server = await startEsdbTestServer(target);
    console.log(`[esdb] ${server.description}`);
  }, 300_000);
  afterAll(() => server?.stop(), 60_000);

  describeEventStoreContract('EventStoreDB', async () => {
    const store = await openEsdbEventStore(serverUrl());
    const head = await store.headPosition();
    if (head !== 0) {
      await store.close();
      throw new Error(
        `The EventStoreDB from ${server?.description} already holds events (feed head ${head}); the contract needs a fresh node, ` +
          'e.g. docker run --rm -p 2113:2113 -e KURRENTDB_INSECURE=true -e KURRENTDB_MEM_DB=true kurrentplatform/kurrentdb',
      );
    }
    return { store, cleanup: () => store.close() };
  }, { eventIdsUniqueAcrossStreams: false });

  describeCheckpointStoreContract('EventStoreDB', async () => {
    const opened: EsdbCheckpointStore[] = [];
    const open = async () => {
      const store = await openEsdbCheckpointStore(serverUrl());
      opened.push(store);
      return store;
    };
    return {
      store: await open(),
      reopen: open,
      cleanup: async () => {
        await Promise.all(opened.map((store) => store.close()));
      },
    };
  });
}
