import type { CommandContext, CommandHandler, EventStore } from '@meridian/platform/eventsourcing';
import type { ImportFileRow } from '../csv/customer-import-csv.reader';
import type { BatchWorkers, ImportJobFacts } from './customer-import-batch.processor';
import { processBatch } from './customer-import-batch.processor';
import type { CustomerDirectory } from './customer-directory';
import { CustomerImportStream } from './customer-import.stream';
import { customersOfRecordedRows, inFileDuplicatesOf } from './customer-import.outcomes';
import { validateFile } from './customer-import-row.validation';
import type { ImportCounts } from './customer-import.progress';
import { createImportProgress } from './customer-import.progress';

/** One upload to run: the parsed file and who sent it. */
export type CustomerImportRequest = Readonly<{
  tenantId: string;
  importId: string;
  fileName: string;
  fileSha256: string;
  rows: readonly ImportFileRow[];
  defaultCountryCode?: string;
  context: CommandContext;
}>;

export type CustomerImportDependencies = Readonly<{
  store: EventStore;
  handler: CommandHandler;
  directory: CustomerDirectory;
  now: () => Date;
  /** Rows per recorded batch (default 250). Keep it fixed for a deployment: a resumed job re-runs its open batch with it. */
  batchSize?: number;
  /** Directory lookups and registrations in flight at once (default 8). */
  concurrency?: number;
  log?: (line: string) => void;
  warn?: (line: string) => void;
  progressIntervalMs?: number;
  /** Rows of the file settled so far, as the job advances (for a live status). */
  onProgress?: (settledRows: number) => void;
  /** Aborting stops the job at the next batch boundary (shutdown); it resumes from there when the file is uploaded again. */
  signal?: AbortSignal;
}>;

/** The run stopped between batches because it was asked to; nothing is half done. */
export class CustomerImportStopped extends Error {
  constructor(readonly importId: string, readonly nextRow: number) {
    super(`Customer import ${importId} stopped before row ${nextRow}; upload the same file again to resume`);
    this.name = 'CustomerImportStopped';
  }
}

export const defaultImportBatchSize = 250;

/** A job ready to run; `resumed` when it was started before this upload (by a run that may have crashed mid-batch). */
export type OpenedImport = Readonly<{ stream: CustomerImportStream; resumed: boolean }>;

/**
 * Records the job's start unless it was started before (the same file again
 * appends nothing; another file under the same id is refused by the decider).
 * Returns the stream, to answer the upload before the rows are processed.
 */
export const openCustomerImport = async (
  deps: CustomerImportDependencies,
  request: CustomerImportRequest,
  loaded?: CustomerImportStream,
): Promise<OpenedImport> => {
  const stream = loaded ?? (await CustomerImportStream.load(deps.store, request.tenantId, request.importId));
  const { importId, fileName, fileSha256, rows } = request;
  const startedAt = deps.now().toISOString();
  const appended = await stream.execute(
    { type: 'StartCustomerImport', data: { importId, fileName, fileSha256, rowCount: rows.length, startedAt } },
    request.context,
    startedAt,
  );
  return { stream, resumed: appended === 0 };
};

/**
 * Processes every row not yet covered by a recorded batch, in batches, then
 * completes the job. Safe to call on a job in any state: a completed job
 * appends nothing, and a job whose process died resumes after its last
 * recorded batch (that batch's customers registered again are no-ops).
 */
export const runCustomerImport = async (
  deps: CustomerImportDependencies,
  request: CustomerImportRequest,
  { stream, resumed }: OpenedImport,
): Promise<ImportCounts> => {
  const started = stream.state;
  if (started.status === 'absent') throw new Error(`Import ${request.importId} was not started`);
  const batchSize = deps.batchSize ?? defaultImportBatchSize;
  const validations = await validateFile(request.rows, request.defaultCountryCode);
  const facts: ImportJobFacts = {
    tenantId: request.tenantId,
    importId: request.importId,
    ...(request.defaultCountryCode ? { defaultCountryCode: request.defaultCountryCode } : {}),
    context: request.context,
    validations,
    inFileDuplicates: inFileDuplicatesOf(validations),
    customers: customersOfRecordedRows(stream.batches),
  };
  const log = deps.log ?? (() => undefined);
  const label = `customer import ${request.importId} (${request.fileName})`;
  const progress = createImportProgress(label, started.rowCount, started.nextRow - 1, log, deps.progressIntervalMs ?? 2_000);
  let settled = started.nextRow - 1;
  const advance = (rows: number) => {
    settled = rows;
    deps.onProgress?.(rows);
    progress.advance(rows);
  };
  const workers: BatchWorkers = {
    store: deps.store,
    handler: deps.handler,
    directory: deps.directory,
    concurrency: deps.concurrency ?? 8,
    onRowSettled: () => advance(settled + 1),
    warn: deps.warn ?? log,
  };
  let firstBatchOfRun = true;
  while (stream.state.status === 'started' && stream.state.nextRow <= stream.state.rowCount) {
    const firstRow = stream.state.nextRow;
    if (deps.signal?.aborted) throw new CustomerImportStopped(request.importId, firstRow);
    const lastRow = Math.min(firstRow + batchSize - 1, stream.state.rowCount);
    const now = deps.now().toISOString();
    // A crash can only have left registrations behind in the batch right after the last recorded one.
    const outcome = await processBatch(facts, workers, firstRow, lastRow, now, resumed && firstBatchOfRun);
    await stream.execute({ type: 'RecordImportBatch', data: { importId: request.importId, ...outcome, processedAt: now } }, request.context, now);
    firstBatchOfRun = false;
    advance(stream.state.nextRow - 1);
  }
  const completedAt = deps.now().toISOString();
  await stream.execute({ type: 'CompleteCustomerImport', data: { importId: request.importId, completedAt } }, request.context, completedAt);
  const final = stream.state;
  const counts: ImportCounts = final.status === 'absent' ? { imported: 0, duplicates: 0, rejected: 0 } : final;
  if (started.status !== 'completed') progress.finish(counts);
  return { imported: counts.imported, duplicates: counts.duplicates, rejected: counts.rejected };
};
