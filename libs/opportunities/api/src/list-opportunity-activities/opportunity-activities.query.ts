import type { FastifyRequest } from 'fastify';
import { integerParameter, queryParameters } from '@meridian/platform/nest';

export const maxActivitiesPageSize = 200;
export const defaultActivitiesPageSize = 50;

/** What the activities list takes, as the document states it and the parser reads it. */
export const opportunityActivitiesQuery = queryParameters({
  limit: integerParameter(1, maxActivitiesPageSize, `Default ${defaultActivitiesPageSize}`),
  offset: integerParameter(0, 1_000_000),
});

export type OpportunityActivitiesPaging = Readonly<{ limit: number; offset: number }>;

/** The page asked for; every problem named in one 400. */
export const parseOpportunityActivitiesQuery = (request: FastifyRequest): OpportunityActivitiesPaging => {
  const read = opportunityActivitiesQuery.reader(request);
  const limit = read.value('limit') ?? defaultActivitiesPageSize;
  const offset = read.value('offset') ?? 0;
  read.done();
  return { limit, offset };
};
