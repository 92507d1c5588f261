import { assertNever } from '@meridian/platform/eventsourcing';
import type { CustomerImportEvent } from './customer-import.events';
import type { CustomerImportState } from './customer-import.state';

/** Applies a recorded fact; never throws, and ignores facts about a job that was never started. */
export const evolveCustomerImport = (state: CustomerImportState, event: CustomerImportEvent): CustomerImportState => {
  if (event.type === 'CustomerImportStarted') {
    const { importId, fileName, fileSha256, rowCount } = event.data;
    return {
      status: 'started', importId, fileName, fileSha256, rowCount,
      nextRow: 1, batchFirstRows: [], imported: 0, duplicates: 0, rejected: 0,
    };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'CustomerImportBatchProcessed': {
      const { firstRow, lastRow, imported, duplicates, rejected } = event.data;
      return {
        ...state,
        nextRow: lastRow + 1,
        batchFirstRows: [...state.batchFirstRows, firstRow],
        imported: state.imported + imported.length,
        duplicates: state.duplicates + duplicates.length,
        rejected: state.rejected + rejected.length,
      };
    }
    case 'CustomerImportCompleted':
      return { ...state, status: 'completed' };
    default:
      return assertNever(event);
  }
};
