import type { FastifyRequest } from 'fastify';
import type { OpportunityListQuery } from '@meridian/read-models/opportunity-list';
import { maxPageSize, opportunityListSortFields } from '@meridian/read-models/opportunity-list';
import { queryReader } from '@meridian/platform/nest';

const stages = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'] as const;

export const listOpportunitiesParameters = [
  'ownerId', 'stage', 'region', 'closeDateFrom', 'closeDateTo', 'sortBy', 'direction', 'limit', 'offset', 'minPosition',
] as const;

/** The list query from the query string; every problem named in one 400. */
export const parseListOpportunitiesQuery = (request: FastifyRequest, tenantId: string): OpportunityListQuery => {
  const read = queryReader(request, listOpportunitiesParameters);
  const query: OpportunityListQuery = {
    tenantId,
    ownerId: read.text('ownerId'),
    stage: read.oneOf('stage', stages),
    region: read.text('region'),
    closeDateFrom: read.date('closeDateFrom'),
    closeDateTo: read.date('closeDateTo'),
    sortBy: read.oneOf('sortBy', opportunityListSortFields),
    direction: read.oneOf('direction', ['asc', 'desc'] as const),
    limit: read.integer('limit', 1, maxPageSize),
    offset: read.integer('offset', 0, 1_000_000),
  };
  if (query.closeDateFrom !== undefined && query.closeDateTo !== undefined && query.closeDateFrom > query.closeDateTo) {
    read.fail('closeDateTo', 'must not be before closeDateFrom');
  }
  read.done();
  return query;
};
