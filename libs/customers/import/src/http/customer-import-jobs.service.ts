import type { BeforeApplicationShutdown } from '@nestjs/common';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { CommandContext, EventStore } from '@meridian/platform/eventsourcing';
import { CommandHandler } from '@meridian/platform/eventsourcing';
import type { Clock } from '@meridian/platform/nest';
import { CLOCK, EVENT_STORE } from '@meridian/platform/nest';
import { CUSTOMER_DIRECTORY } from '@meridian/customers/api';
import { readImportCsv } from '../csv/customer-import-csv.reader';
import type { CustomerDirectory } from '../job/customer-directory';
import { customerImportIdOf, fileSha256Of } from '../job/customer-import.ids';
import type { CustomerImportDependencies, CustomerImportRequest } from '../job/customer-import.runner';
import { CustomerImportStopped, openCustomerImport, runCustomerImport } from '../job/customer-import.runner';
import { CustomerImportStream } from '../job/customer-import.stream';

/** No read side to check for existing customers: importing blind would register duplicates. */
export class CustomerDirectoryUnavailable extends Error {
  constructor() {
    super('This service has no customer directory (read side) configured, so imported rows cannot be checked against existing customers');
    this.name = 'CustomerDirectoryUnavailable';
  }
}

export type ImportUpload = Readonly<{ bytes: Buffer; fileName?: string; defaultCountryCode?: string; context: CommandContext }>;

/** `started`/`resumed`: a run began now; `running`: one is under way in this process; `completed`: nothing to do. */
export type ImportSubmission = Readonly<{ importId: string; outcome: 'started' | 'resumed' | 'running' | 'completed' }>;

/** What only this process knows about a job: whether it runs here, and why its last run here failed. */
export type LocalImportState = Readonly<{ runningHere: boolean; failure?: string }>;

/**
 * Runs imports in the background of this process, one run per job at a time.
 * Durable progress lives in the job's stream, so a job whose process died is
 * resumed by uploading the same file again (to any instance).
 */
@Injectable()
export class CustomerImportJobs implements BeforeApplicationShutdown {
  private readonly logger = new Logger('CustomerImport');
  private readonly running = new Map<string, Promise<void>>();
  private readonly opening = new Map<string, Promise<ImportSubmission>>();
  private readonly failures = new Map<string, string>();
  private readonly stopping = new AbortController();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly handler: CommandHandler,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(CUSTOMER_DIRECTORY) private readonly directory?: CustomerDirectory,
  ) {}

  async submit(upload: ImportUpload): Promise<ImportSubmission> {
    const fileSha256 = fileSha256Of(upload.bytes);
    const importId = customerImportIdOf(upload.context.tenantId, fileSha256, upload.defaultCountryCode || undefined);
    if (this.running.has(importId)) return { importId, outcome: 'running' };
    // The same file sent twice at once: the second waits for the first to start, then finds it running.
    const opening = this.opening.get(importId);
    if (opening) {
      await opening.catch(() => undefined);
      return this.submit(upload);
    }
    const open = this.open(upload, importId, fileSha256);
    this.opening.set(importId, open);
    try {
      return await open;
    } finally {
      this.opening.delete(importId);
    }
  }

  local(importId: string): LocalImportState {
    const failure = this.failures.get(importId);
    return { runningHere: this.running.has(importId), ...(failure !== undefined ? { failure } : {}) };
  }

  /** Stops every run at its next batch boundary, before the event store closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([...this.running.values()]);
  }

  private async open(upload: ImportUpload, importId: string, fileSha256: string): Promise<ImportSubmission> {
    const file = readImportCsv(upload.bytes);
    const { tenantId } = upload.context;
    const stream = await CustomerImportStream.load(this.store, tenantId, importId);
    if (stream.state.status === 'completed') return { importId, outcome: 'completed' };
    if (!this.directory) throw new CustomerDirectoryUnavailable();
    // Customers registered before this upload must be found as duplicates: wait until the directory holds them
    // (ReadModelBehind, a 503 with Retry-After, if it lags too far).
    await this.directory.caughtUpWith(await this.store.headPosition());
    const request: CustomerImportRequest = {
      tenantId,
      importId,
      fileName: upload.fileName ?? `upload-${fileSha256.slice(0, 12)}.csv`,
      fileSha256,
      rows: file.rows,
      ...(upload.defaultCountryCode ? { defaultCountryCode: upload.defaultCountryCode } : {}),
      context: upload.context,
    };
    const deps = this.dependencies(this.directory);
    const opened = await openCustomerImport(deps, request, stream);
    this.failures.delete(importId);
    const run = runCustomerImport(deps, request, opened)
      .then(
        () => undefined,
        (error: unknown) => {
          if (error instanceof CustomerImportStopped) return this.logger.warn(error.message);
          this.failures.set(importId, error instanceof Error ? error.message : String(error));
          this.logger.error(`customer import ${importId} failed (upload the same file again to resume): ${error instanceof Error ? error.stack : String(error)}`);
        },
      )
      .finally(() => this.running.delete(importId));
    this.running.set(importId, run);
    return { importId, outcome: opened.resumed ? 'resumed' : 'started' };
  }

  private dependencies(directory: CustomerDirectory): CustomerImportDependencies {
    return {
      store: this.store,
      handler: this.handler,
      directory,
      now: () => this.clock.now(),
      log: (line) => this.logger.log(line),
      warn: (line) => this.logger.warn(line),
      signal: this.stopping.signal,
    };
  }
}
