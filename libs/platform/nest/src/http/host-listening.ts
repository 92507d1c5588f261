import type { DynamicModule } from '@nestjs/common';
import { Global, Module } from '@nestjs/common';

/** `{ listening }`, which resolves once the host's HTTP server listens: background work that competes with start-up waits for it. */
export const HOST_LISTENING = Symbol('HostListening');

export type HostListening = Readonly<{ listening: Promise<void>; markListening: () => void }>;

/** What HOST_LISTENING provides. Not the bare promise: Nest would wait for a promise-valued provider before starting the host. */
export type HostListeningSignal = Readonly<{ listening: Promise<void> }>;

export const createHostListening = (): HostListening => {
  let markListening: () => void = () => undefined;
  const listening = new Promise<void>((resolve) => {
    markListening = resolve;
  });
  return { listening, markListening };
};

/** Global, so any module's factory can wait for the port without importing the host. */
@Global()
@Module({})
export class HostListeningModule {
  static forRoot(host: HostListening): DynamicModule {
    return { module: HostListeningModule, providers: [{ provide: HOST_LISTENING, useValue: { listening: host.listening } satisfies HostListeningSignal }], exports: [HOST_LISTENING] };
  }
}
