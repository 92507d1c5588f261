import type { JSONType, ResolvedEvent } from '@kurrent/kurrentdb-client';
import { KurrentDBClient, jsonEvent, streamNameFilter } from '@kurrent/kurrentdb-client';
import type { EsdbClient, EsdbStoredEvent } from './esdb-client.port';
import { toClientConnectionString } from './esdb-connection-string';
import { isStreamNotFound } from './esdb-errors';

/**
 * The EsdbClient port on the real KurrentDB client (gRPC; reads go through the
 * client's native bridge). Kept free of decisions so that everything worth
 * testing lives behind the port. Reads require the leader: an append is read
 * back at once, and a follower may not have it yet.
 */
export const connectKurrentDb = (url: string): EsdbClient => {
  const client = KurrentDBClient.connectionString(toClientConnectionString(url));
  return {
    append: async (streamId, events, state) => {
      const proposed = events.map((event) =>
        // Any JSON value is stored as such (the client JSON.stringify's it); its type only admits objects, arrays and strings.
        jsonEvent({ id: event.id, type: event.type, data: event.data as JSONType, metadata: event.metadata }),
      );
      return (await client.appendToStream(streamId, proposed, { streamState: state })).nextExpectedRevision;
    },
    readStream: async (streamId, { from, direction, maxCount }) => {
      try {
        return await collect(client.readStream(streamId, { fromRevision: from, direction, maxCount, requiresLeader: true }));
      } catch (error) {
        if (isStreamNotFound(error)) return [];
        throw error;
      }
    },
    readAll: ({ from, direction, maxCount, streamRegex }) =>
      collect(
        client.readAll({ fromPosition: from, direction, maxCount, requiresLeader: true, filter: streamNameFilter({ regex: streamRegex }) }),
      ),
    setStreamMaxCount: async (streamId, maxCount) => {
      await client.setStreamMetadata(streamId, { maxCount });
    },
    dispose: () => client.dispose(),
  };
};

const collect = async (resolved: AsyncIterable<ResolvedEvent>): Promise<EsdbStoredEvent[]> => {
  const events: EsdbStoredEvent[] = [];
  for await (const { event } of resolved) {
    // Links are not resolved, so `event` is always the stored record itself.
    if (event) {
      const { streamId, id, revision, type, created, data, metadata, position } = event;
      events.push({ streamId, id, revision, type, created, data, metadata, position });
    }
  }
  return events;
};
