import type { StoreCallOptions } from './read-model-store.port';

/**
 * What the MongoDB driver (7.x) is given per call, and what each part really
 * stops:
 * - `signal`, on every operation (reads and writes: the driver reads it from
 *   any operation's options, though its types only declare it on reads). An
 *   already-aborted signal is refused here before anything is sent. One that
 *   fires in flight cancels server selection and the wait for a pooled
 *   connection, or closes the socket if the command is on the wire: the caller
 *   is freed and the connection released at once, but a command the server
 *   already received may still run to its end there.
 * - `maxTimeMS`, on reads only (`find`, `findOne`): the server itself stops the
 *   query at the limit, which the signal cannot make it do. Writes get none:
 *   they are single-document updates by `_id`, short on the server, and a
 *   write the server finishes after the abort is harmless (revision and lane
 *   guards make its retry a no-op).
 * The driver's `timeoutMS` is not used: driver 7 ignores it.
 */
export type DriverCallOptions = { signal?: AbortSignal; maxTimeMS?: number };

export const writeOptionsOf = (options: StoreCallOptions | undefined): DriverCallOptions => {
  options?.signal?.throwIfAborted();
  return options?.signal === undefined ? {} : { signal: options.signal };
};

export const readOptionsOf = (options: StoreCallOptions | undefined): DriverCallOptions => ({
  ...writeOptionsOf(options),
  ...(options?.maxTimeMs === undefined ? {} : { maxTimeMS: Math.max(1, Math.ceil(options.maxTimeMs)) }),
});
