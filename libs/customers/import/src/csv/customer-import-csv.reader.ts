import { CsvError, parse } from 'csv-parse/sync';
import type { ImportFieldError, ImportRowRecord } from '@meridian/customers/domain';
import { importColumnOf, importColumns, requiredImportColumns } from './import-columns';
import { ImportFileRejected, importFileProblemCodes } from './import-file.errors';

/** One data row: header → cell text, plus what is wrong with its shape (not its values). */
export type ImportFileRow = Readonly<{ record: ImportRowRecord; problems: readonly ImportFieldError[] }>;

/** A readable file: its header as written and its data rows; row n of the report is `rows[n - 1]`. */
export type ImportFile = Readonly<{ headers: readonly string[]; rows: readonly ImportFileRow[] }>;

/** Beyond this a file is refused rather than held in memory and imported for hours. */
export const maxImportRows = 100_000;

const decoder = new TextDecoder('utf-8', { fatal: true });

const decode = (bytes: Uint8Array): string => {
  try {
    // TextDecoder drops a leading UTF-8 BOM (spreadsheets write one).
    return decoder.decode(bytes);
  } catch {
    throw new ImportFileRejected(importFileProblemCodes.unreadable, 'The file is not UTF-8 text; save it as "CSV UTF-8"');
  }
};

const parseRecords = (text: string): string[][] => {
  try {
    return parse(text, {
      bom: true,
      // Files edited on several systems mix line endings; any of them ends a record.
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      // People type `Acme "Best" Ltd` without quoting the cell; that is still one value.
      relax_quotes: true,
      trim: true,
      skip_empty_lines: true,
      // Spreadsheets export rows of empty cells (",,,,") below the data: not rows anyone meant.
      skip_records_with_empty_values: true,
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      throw new ImportFileRejected(importFileProblemCodes.unreadable, `The file is not valid CSV: ${error.message}`, { csvError: error.code });
    }
    throw error;
  }
};

/**
 * Keys of a row record. A repeated header ("Email", "Email") keeps both cells:
 * the second key gets a trailing "_", which `validateImportRow` ignores when it
 * matches columns, so both cells reach the same field.
 */
const recordKeys = (headers: readonly string[]): string[] => {
  const seen = new Map<string, number>();
  return headers.map((header) => {
    const count = seen.get(header) ?? 0;
    seen.set(header, count + 1);
    return `${header}${'_'.repeat(count)}`;
  });
};

/** Checks the header and returns the indexes of columns to read (blank-headed empty columns are left out). */
const checkHeader = (headers: readonly string[], dataRows: readonly string[][]): number[] => {
  const named = headers.map((header, index) => ({ header, index })).filter(({ header }) => header !== '');
  const unnamed = headers
    .map((header, index) => ({ header, index }))
    .filter(({ header, index }) => header === '' && dataRows.some((cells) => (cells[index] ?? '') !== ''));
  if (named.every(({ header }) => importColumnOf(header) === undefined)) {
    throw new ImportFileRejected(
      importFileProblemCodes.headerMissing,
      `The first row must be a header naming the columns (${importColumns.join(', ')}); it reads: ${headers.slice(0, 5).join(', ')}`,
      { expectedColumns: importColumns, firstRow: headers.slice(0, 20) },
    );
  }
  const unknownColumns = named.filter(({ header }) => importColumnOf(header) === undefined).map(({ header }) => header);
  if (unknownColumns.length > 0) {
    throw new ImportFileRejected(
      importFileProblemCodes.unknownColumns,
      `Unknown columns: ${unknownColumns.join(', ')}. Known columns: ${importColumns.join(', ')} (email and phone also work)`,
      { unknownColumns, knownColumns: importColumns },
    );
  }
  if (unnamed.length > 0) {
    const columns = unnamed.map(({ index }) => index + 1);
    throw new ImportFileRejected(importFileProblemCodes.unnamedColumn, `Columns ${columns.join(', ')} hold values but have no header`, { columns });
  }
  const present = new Set(named.map(({ header }) => importColumnOf(header)));
  const missing = requiredImportColumns.filter((column) => !present.has(column));
  if (missing.length > 0) {
    throw new ImportFileRejected(importFileProblemCodes.requiredColumnsMissing, `The header lacks required columns: ${missing.join(', ')}`, {
      missingColumns: missing,
    });
  }
  return named.map(({ index }) => index);
};

/**
 * Reads an uploaded CSV file: UTF-8 (BOM or not), comma-separated, quoted
 * cells with embedded commas, quotes and line breaks, CRLF/LF/CR line endings.
 * The first row must be a header naming only known columns; an unknown column
 * refuses the whole file, because a misspelt "emial" column would otherwise
 * import every row without its email and without duplicate checks.
 */
export const readImportCsv = (bytes: Uint8Array): ImportFile => {
  const records = parseRecords(decode(bytes));
  if (records.length === 0) throw new ImportFileRejected(importFileProblemCodes.empty, 'The file is empty');
  const [headers, ...dataRows] = records;
  const columns = checkHeader(headers, dataRows);
  if (dataRows.length === 0) throw new ImportFileRejected(importFileProblemCodes.empty, 'The file has a header but no rows');
  if (dataRows.length > maxImportRows) {
    throw new ImportFileRejected(importFileProblemCodes.tooManyRows, `The file has ${dataRows.length} rows; split it into files of at most ${maxImportRows}`, {
      rowCount: dataRows.length,
      maxRows: maxImportRows,
    });
  }
  const keys = recordKeys(headers);
  const rows = dataRows.map((cells): ImportFileRow => {
    const record: Record<string, string> = {};
    for (const index of columns) record[keys[index]] = cells[index] ?? '';
    const extra = cells.slice(headers.length).filter((cell) => cell !== '').length;
    const problems: ImportFieldError[] =
      extra > 0 ? [{ field: 'row', message: `has ${extra} more value(s) than the header has columns (${headers.length})` }] : [];
    return { record, problems };
  });
  return { headers, rows };
};
