/** Why a whole file was refused before anything was appended; each is a 400 with this code. */
export const importFileProblemCodes = {
  empty: 'import-file-empty',
  unreadable: 'import-file-unreadable',
  tooManyRows: 'import-file-too-many-rows',
  headerMissing: 'import-header-missing',
  unknownColumns: 'import-unknown-columns',
  requiredColumnsMissing: 'import-required-columns-missing',
  unnamedColumn: 'import-unnamed-column',
} as const;

export type ImportFileProblemCode = (typeof importFileProblemCodes)[keyof typeof importFileProblemCodes];

/** The file as a whole cannot be imported (empty, not CSV, no header, unknown columns…). */
export class ImportFileRejected extends Error {
  constructor(
    readonly code: ImportFileProblemCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ImportFileRejected';
  }
}
