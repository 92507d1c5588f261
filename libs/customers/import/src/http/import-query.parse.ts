import type { FastifyRequest } from 'fastify';
import { integerParameter, lineRule, oneOfParameter, queryParameters, ruleParameter } from '@meridian/platform/nest';
import type { ImportRowOutcome } from '../job/customer-import.report';
import { importRowOutcomes } from '../job/customer-import.report';

export type StartImportQuery = Readonly<{ fileName?: string; defaultCountryCode?: string }>;
export type ReportPageQuery = Readonly<{ fromRow: number; limit: number; outcome?: ImportRowOutcome }>;

/** Rows per page unless asked otherwise, and at most (a 10,000-row file fits one page). */
export const defaultReportPageSize = 1_000;
export const maxReportPageSize = 10_000;

/** The upload's parameters, as the document states them and the parser reads them. */
export const startImportQuery = queryParameters({
  fileName: ruleParameter(lineRule(255), 'Shown in the report; default upload-<hash>.csv'),
  defaultCountryCode: ruleParameter(
    { schema: { type: 'string', pattern: '^\\+[1-9][0-9]{0,2}$' }, message: 'must be + and 1-3 digits, e.g. +49 (write + as %2B in a URL)' },
    'For phones written without one, e.g. %2B49; default +1',
  ),
});

/** A page of the import's report. */
export const reportPageQuery = queryParameters({
  fromRow: integerParameter(1, 100_000_000, 'First row of the page (default 1); use nextFromRow'),
  limit: integerParameter(1, maxReportPageSize, `Rows per page, default ${defaultReportPageSize}`),
  outcome: oneOfParameter(importRowOutcomes, 'Only rows with this outcome'),
});

export const parseStartImportQuery = (request: FastifyRequest): StartImportQuery => {
  const read = startImportQuery.reader(request);
  const fileName = read.value('fileName')?.trim();
  const defaultCountryCode = read.value('defaultCountryCode');
  read.done();
  return { ...(fileName ? { fileName } : {}), ...(defaultCountryCode ? { defaultCountryCode } : {}) };
};

export const parseReportPageQuery = (request: FastifyRequest): ReportPageQuery => {
  const read = reportPageQuery.reader(request);
  const fromRow = read.value('fromRow') ?? 1;
  const limit = read.value('limit') ?? defaultReportPageSize;
  const outcome = read.value('outcome');
  read.done();
  return { fromRow, limit, ...(outcome ? { outcome } : {}) };
};
