import { Global, Injectable, Module } from '@nestjs/common';

/** What a part of the host reports to /health/ready: whether it can serve yet, and figures that say where it stands. */
export type ReadinessReport = Readonly<{ ready: boolean; details: Readonly<Record<string, unknown>> }>;

/**
 * Parts of a host that start in the background and are not ready at once
 * (standalone's read models catching up) register here; /health/ready
 * reports each by name beside the event store.
 */
@Injectable()
export class ReadinessRegistry {
  private readonly sources = new Map<string, () => ReadinessReport>();

  register(name: string, report: () => ReadinessReport): void {
    this.sources.set(name, report);
  }

  reports(): ReadonlyArray<readonly [name: string, report: ReadinessReport]> {
    return [...this.sources].map(([name, report]) => [name, report()] as const);
  }
}

/** Global, so every module's factory can register without importing the health module. */
@Global()
@Module({ providers: [ReadinessRegistry], exports: [ReadinessRegistry] })
export class ReadinessModule {}
