import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CustomerImportStarted, CustomerImportCompleted } from '@meridian/customers/domain';
import type { CustomerImportStream } from '../job/customer-import.stream';
import { importRowOutcomes, reportRowsOf } from '../job/customer-import.report';
import type { ImportReportRow } from '../job/customer-import.report';
import type { LocalImportState } from './customer-import-jobs.service';
import type { ReportPageQuery } from './import-query.parse';

export class ImportFieldErrorView {
  @ApiProperty({ example: 'emails' }) field!: string;
  @ApiProperty({ example: '"bob@" needs a local part, an @ and a domain' }) message!: string;
}

export class DuplicateOfView {
  @ApiPropertyOptional({ description: 'The existing customer, or the customer the earlier row became' }) customerId?: string;
  @ApiPropertyOptional({ description: 'The earlier row of the same file' }) row?: number;
}

export class ImportReportRowView {
  @ApiProperty({ description: 'Data row number, 1 = the first row after the header' }) row!: number;
  @ApiProperty({ enum: importRowOutcomes }) outcome!: string;
  @ApiPropertyOptional({ description: 'imported: the customer registered for the row' }) customerId?: string;
  @ApiPropertyOptional({ type: [String], description: 'imported: existing customers with a similar name in the region, to review (merge if they are the same)' })
  possibleDuplicates?: string[];
  @ApiPropertyOptional({ type: DuplicateOfView, description: 'duplicate: what it repeats' }) duplicateOf?: DuplicateOfView;
  @ApiPropertyOptional({ enum: ['email', 'phone'], description: 'duplicate: the shared contact point' }) reason?: string;
  @ApiPropertyOptional({ type: [ImportFieldErrorView], description: 'rejected: every problem of the row' }) errors?: ImportFieldErrorView[];
}

export class CustomerImportView {
  @ApiProperty({ format: 'uuid', description: 'Derived from the tenant and the SHA-256 of the file' }) importId!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() fileSha256!: string;
  @ApiProperty({ enum: ['running', 'completed'] }) status!: string;
  @ApiProperty({ description: 'Data rows in the file' }) rowCount!: number;
  @ApiProperty({ description: 'Rows settled by recorded batches' }) processedRows!: number;
  @ApiProperty() imported!: number;
  @ApiProperty() duplicates!: number;
  @ApiProperty() rejected!: number;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) completedAt?: string;
  @ApiProperty({ format: 'date-time', description: 'When the job last recorded progress: a running job that stays still long has lost its process' })
  lastRecordedAt!: string;
  @ApiProperty({ description: 'A run of this job is under way in the process that answered' }) runningInThisProcess!: boolean;
  @ApiPropertyOptional({ description: "Why this process's last run failed; upload the same file again to resume" }) failure?: string;
  @ApiProperty({ type: [ImportReportRowView], description: 'Report rows from fromRow on (of the recorded batches), in row order' })
  rows!: ImportReportRowView[];
  @ApiPropertyOptional({ description: 'Pass as fromRow for the next page; absent on the last page' }) nextFromRow?: number;
}

const toRowView = (entry: ImportReportRow): ImportReportRowView => {
  if (entry.outcome === 'imported') {
    return { row: entry.row, outcome: entry.outcome, customerId: entry.customerId, ...(entry.possibleDuplicates ? { possibleDuplicates: [...entry.possibleDuplicates] } : {}) };
  }
  if (entry.outcome === 'duplicate') return { row: entry.row, outcome: entry.outcome, duplicateOf: { ...entry.duplicateOf }, reason: entry.reason };
  return { row: entry.row, outcome: entry.outcome, errors: entry.errors.map(({ field, message }) => ({ field, message })) };
};

/** The job as its stream says, with one page of its report. The stream must have been started. */
export const toCustomerImportView = (stream: CustomerImportStream, page: ReportPageQuery, local: LocalImportState): CustomerImportView => {
  const state = stream.state;
  if (state.status === 'absent') throw new Error('toCustomerImportView needs a started import');
  const started = stream.events.find((event) => event.type === 'CustomerImportStarted')?.data as CustomerImportStarted['data'];
  const completed = stream.events.find((event) => event.type === 'CustomerImportCompleted')?.data as CustomerImportCompleted['data'] | undefined;
  const matching = reportRowsOf(stream.batches).filter((entry) => entry.row >= page.fromRow && (page.outcome === undefined || entry.outcome === page.outcome));
  const rows = matching.slice(0, page.limit);
  return {
    importId: state.importId,
    fileName: state.fileName,
    fileSha256: state.fileSha256,
    // The stream says `started` until completed; to a client that is a running job.
    status: state.status === 'completed' ? 'completed' : 'running',
    rowCount: state.rowCount,
    processedRows: state.nextRow - 1,
    imported: state.imported,
    duplicates: state.duplicates,
    rejected: state.rejected,
    startedAt: started.startedAt,
    ...(completed ? { completedAt: completed.completedAt } : {}),
    lastRecordedAt: stream.events[stream.events.length - 1].recordedAt,
    runningInThisProcess: local.runningHere,
    ...(local.failure !== undefined && state.status !== 'completed' ? { failure: local.failure } : {}),
    rows: rows.map(toRowView),
    ...(matching.length > rows.length ? { nextFromRow: rows[rows.length - 1].row + 1 } : {}),
  };
};
