import type { StartCustomerImport } from '../customer-import.commands';
import type { CustomerImportBatchProcessed, CustomerImportStarted } from '../customer-import.events';

export const importId = '9b1f6a1e-3c1d-5e0b-8a55-0c2a6f0e4d11';
export const importStream = `customer_import-${importId}`;
export const fileSha256 = 'a3f5c0d2e1b4978615f0e2d3c4b5a6978877665544332211ffeeddccbbaa0099';

export const startImport = (rowCount = 5): StartCustomerImport => ({
  type: 'StartCustomerImport',
  data: { importId, fileName: 'leads-march.csv', fileSha256, rowCount, startedAt: '2026-03-05T08:00:00.000Z' },
});

export const importStarted = (rowCount = 5): CustomerImportStarted => ({
  type: 'CustomerImportStarted',
  data: { importId, fileName: 'leads-march.csv', fileSha256, rowCount, startedAt: '2026-03-05T08:00:00.000Z' },
});

/** A batch in which every row was imported, as customer `cust-row-<n>`. */
export const batchProcessed = (firstRow: number, lastRow: number): CustomerImportBatchProcessed => ({
  type: 'CustomerImportBatchProcessed',
  data: {
    importId,
    firstRow,
    lastRow,
    imported: Array.from({ length: lastRow - firstRow + 1 }, (_, index) => ({ row: firstRow + index, customerId: `cust-row-${firstRow + index}` })),
    duplicates: [],
    rejected: [],
    processedAt: '2026-03-05T08:01:00.000Z',
  },
});
