import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EventStore } from '@meridian/platform/eventsourcing';
import { commandResponseHeaders, etagOf, EVENT_STORE, PathParam, QueryEndpoint, TenantId, uuidPathParam } from '@meridian/platform/nest';
import { readOpportunity } from '../shared/opportunity-stream';
import { opportunityActivitiesQuery, parseOpportunityActivitiesQuery } from './opportunity-activities.query';
import { OpportunityActivitiesPageView, toOpportunityActivitiesPageView } from './opportunity-activities.view';

/**
 * A deal's activities from its own stream, as GET /opportunities/{id} reads
 * it: strongly consistent (an activity just logged is listed), and no read
 * model to keep. A deal's activities are its own, bounded by what one stream holds.
 */
@ApiTags('opportunities')
@Controller('api/v1/opportunities')
export class ListOpportunityActivitiesController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':opportunityId/activities')
  @ApiOperation({ summary: "A deal's logged activities, newest first, paged (from its stream; strongly consistent); ETag carries the revision" })
  @QueryEndpoint()
  @opportunityActivitiesQuery.documented()
  @ApiOkResponse({ type: OpportunityActivitiesPageView, headers: { ETag: commandResponseHeaders.ETag } })
  async list(
    @PathParam('opportunityId', uuidPathParam) opportunityId: string,
    @TenantId() tenantId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OpportunityActivitiesPageView> {
    const paging = parseOpportunityActivitiesQuery(request);
    const { details, revision } = await readOpportunity(this.store, tenantId, opportunityId);
    void reply.header('ETag', etagOf(revision));
    return toOpportunityActivitiesPageView(opportunityId, details.activities, paging, revision);
  }
}
