import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { importColumns, requiredImportColumns } from './import-columns';

const optionalColumns = importColumns.filter((column) => !requiredImportColumns.includes(column));

/**
 * The upload as the document states it: a header naming the required columns
 * first, then any of the others, then at least one row, without quoted fields. The server
 * takes more than this (columns in any order, in any case, quoted fields), so
 * every file the document allows is one it reads; a file it cannot read at
 * all (no header, unknown or missing columns) is a 400 naming why.
 */
export const importFileSchema: SchemaObject = {
  type: 'string',
  // Header, any lines, at least one row that is not blank, any lines.
  pattern: `^${requiredImportColumns.join(',')}(,(${optionalColumns.join('|')}))*(\\r?\\n[^"\\r\\n]*)*\\r?\\n[ \\t]*[^"\\r\\n \\t][^"\\r\\n]*(\\r?\\n[^"\\r\\n]*)*$`,
  description: `CSV with a header row. Columns: ${importColumns.join(', ')}; ${requiredImportColumns.join(', ')} are required, in any order. ` +
    'Rows that break a field rule are reported, not imported.',
  example: 'name,region,ownerId,emails,phones\nAcme GmbH,EU,rep-1,sales@acme.example,+49 30 1234567\n',
};
