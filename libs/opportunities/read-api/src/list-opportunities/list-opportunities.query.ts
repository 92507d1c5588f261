import type { FastifyRequest } from 'fastify';
import type { OpportunityListQuery } from '@meridian/read-models/opportunity-list';
import { maxPageSize, opportunityListArchivedFilters, opportunityListSortFields } from '@meridian/read-models/opportunity-list';
import { cursorParameter, dateParameter, integerParameter, oneOfParameter, queryParameters, readPageCursor, textParameter } from '@meridian/platform/nest';
import { opportunityListCursorScope } from './list-opportunities.cursor';

const stages = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'] as const;

/** What the list takes, as the document states it and the parser reads it. */
export const listOpportunitiesQuery = queryParameters(
  {
    ownerId: textParameter(),
    stage: oneOfParameter(stages),
    region: textParameter(),
    customerId: textParameter('Exact customer id'),
    name: textParameter('Case-insensitive prefix of any word or run of words of the name (accents and punctuation ignored): "wind tra" finds "North Wind Traders"'),
    archived: oneOfParameter(opportunityListArchivedFilters, 'Archived deals: exclude (default), include (with the others) or only'),
    closeDateFrom: dateParameter('Inclusive, YYYY-MM-DD, on the expected close date'),
    closeDateTo: dateParameter('Inclusive, YYYY-MM-DD; not before closeDateFrom'),
    sortBy: oneOfParameter(opportunityListSortFields, 'Default expectedCloseDate'),
    direction: oneOfParameter(['asc', 'desc'] as const),
    limit: integerParameter(1, maxPageSize, 'Default 50'),
    offset: integerParameter(0, 1_000_000, 'Not with cursor'),
    cursor: cursorParameter(),
  },
  { readYourWrites: true },
);

/** The list query from the query string; every problem named in one 400. */
export const parseListOpportunitiesQuery = (request: FastifyRequest, tenantId: string): OpportunityListQuery => {
  const read = listOpportunitiesQuery.reader(request);
  const query: OpportunityListQuery = {
    tenantId,
    ownerId: read.value('ownerId'),
    stage: read.value('stage'),
    region: read.value('region'),
    customerId: read.value('customerId'),
    name: read.value('name'),
    archived: read.value('archived'),
    closeDateFrom: read.value('closeDateFrom'),
    closeDateTo: read.value('closeDateTo'),
    sortBy: read.value('sortBy'),
    direction: read.value('direction'),
    limit: read.value('limit'),
    offset: read.value('offset'),
  };
  if (query.closeDateFrom !== undefined && query.closeDateTo !== undefined && query.closeDateFrom > query.closeDateTo) {
    read.fail('closeDateTo', 'must not be before closeDateFrom');
  }
  const after = readPageCursor(request, read, opportunityListCursorScope(query));
  read.done();
  return after === undefined ? query : { ...query, after };
};
