import { AggregateNotFound, assertNever } from '@meridian/platform/eventsourcing';
import type { CompleteCustomerImport, CustomerImportCommand, RecordImportBatch, StartCustomerImport } from './customer-import.commands';
import type { CustomerImportEvent } from './customer-import.events';
import { validBatchOutcome } from './customer-import-batch.validate';
import type { CustomerImportState } from './customer-import.state';
import { CustomerRuleCodes, violation } from './customer.rules';
import { customerImportStreamId } from './customers.stream-ids';
import { requiredText } from './customer-fields.validate';

type Decision = readonly CustomerImportEvent[];
type StartedImport = Exclude<CustomerImportState, { status: 'absent' }>;

/**
 * An import job is safe to re-run from any point: starting the same file again,
 * repeating a batch and completing again all append nothing, so a worker that
 * crashed can simply start over from the job's recorded progress.
 */
export const decideCustomerImport = (command: CustomerImportCommand, state: CustomerImportState): Decision => {
  switch (command.type) {
    case 'StartCustomerImport':
      return start(command, state);
    case 'RecordImportBatch':
      return recordBatch(command, started(state, command.data.importId));
    case 'CompleteCustomerImport':
      return complete(command, started(state, command.data.importId));
    default:
      return assertNever(command);
  }
};

const started = (state: CustomerImportState, importId: string): StartedImport => {
  if (state.status === 'absent') throw new AggregateNotFound(customerImportStreamId(importId));
  return state;
};

const sha256Pattern = /^[0-9a-f]{64}$/;

const start = ({ data }: StartCustomerImport, state: CustomerImportState): Decision => {
  const fileSha256 = typeof data.fileSha256 === 'string' ? data.fileSha256.toLowerCase() : '';
  if (!sha256Pattern.test(fileSha256)) {
    throw violation(CustomerRuleCodes.importInvalidFile, 'fileSha256 must be 64 hexadecimal digits', { field: 'fileSha256' });
  }
  if (state.status !== 'absent') {
    if (state.fileSha256 === fileSha256) return [];
    throw violation(CustomerRuleCodes.importFileMismatch, `Import ${state.importId} was started for another file`, {
      fileSha256: state.fileSha256,
    });
  }
  if (!Number.isInteger(data.rowCount) || data.rowCount < 0) {
    throw violation(CustomerRuleCodes.importInvalidFile, 'rowCount must be a whole number, zero or more', { field: 'rowCount' });
  }
  const fileName = requiredText(data.fileName, 'fileName');
  return [{ type: 'CustomerImportStarted', data: { importId: data.importId, fileName, fileSha256, rowCount: data.rowCount, startedAt: data.startedAt } }];
};

/** Batches cover the file in order, without gaps or overlaps; a batch starting where a recorded one started is a repeat. */
const recordBatch = ({ data }: RecordImportBatch, state: StartedImport): Decision => {
  if (state.batchFirstRows.includes(data.firstRow)) return [];
  if (state.status === 'completed') {
    throw violation(CustomerRuleCodes.importCompleted, `Import ${state.importId} is already completed`);
  }
  if (data.firstRow !== state.nextRow) {
    throw violation(CustomerRuleCodes.importBatchOutOfOrder, `The next batch of import ${state.importId} starts at row ${state.nextRow}`, {
      expectedFirstRow: state.nextRow,
      firstRow: data.firstRow,
    });
  }
  const outcome = validBatchOutcome(data, state.rowCount);
  return [{ type: 'CustomerImportBatchProcessed', data: { importId: state.importId, ...outcome, processedAt: data.processedAt } }];
};

const complete = ({ data }: CompleteCustomerImport, state: StartedImport): Decision => {
  if (state.status === 'completed') return [];
  const processedRows = state.nextRow - 1;
  if (processedRows < state.rowCount) {
    throw violation(CustomerRuleCodes.importIncomplete, `Import ${state.importId} has processed ${processedRows} of ${state.rowCount} rows`, {
      processedRows,
      rowCount: state.rowCount,
    });
  }
  const { importId, imported, duplicates, rejected } = state;
  return [{ type: 'CustomerImportCompleted', data: { importId, imported, duplicates, rejected, completedAt: data.completedAt } }];
};
