export type CustomerImportDetails = Readonly<{
  importId: string;
  fileName: string;
  fileSha256: string;
  rowCount: number;
  /** The first row no batch has covered yet; `rowCount + 1` once all are processed. */
  nextRow: number;
  /** First rows of the batches recorded, so a repeated batch is recognised. */
  batchFirstRows: readonly number[];
  imported: number;
  duplicates: number;
  rejected: number;
}>;

export type CustomerImportState =
  | Readonly<{ status: 'absent' }>
  | Readonly<{ status: 'started' | 'completed' } & CustomerImportDetails>;

export const initialCustomerImportState: CustomerImportState = { status: 'absent' };
