/**
 * PGlite answers without ever leaving the microtask queue, so a loop of
 * awaited queries starves timers and sockets (a port would not even open
 * until a long catch-up ended). Loops over pages call this between pages.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
