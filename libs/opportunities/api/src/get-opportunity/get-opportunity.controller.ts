import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { EventStore } from '@meridian/platform/eventsourcing';
import { commandResponseHeaders, etagOf, EVENT_STORE, PathParam, QueryEndpoint, TenantId, uuidPathParam } from '@meridian/platform/nest';
import { readOpportunity } from '../shared/opportunity-stream';
import { OpportunityView, toOpportunityView } from './opportunity.view';

@ApiTags('opportunities')
@Controller('api/v1/opportunities')
export class GetOpportunityController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':opportunityId')
  @ApiOperation({ summary: 'Read one opportunity from its stream (strongly consistent); ETag carries the revision' })
  @QueryEndpoint()
  @ApiOkResponse({ type: OpportunityView, headers: { ETag: commandResponseHeaders.ETag } })
  async get(
    @PathParam('opportunityId', uuidPathParam) opportunityId: string,
    @TenantId() tenantId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OpportunityView> {
    const { details, revision } = await readOpportunity(this.store, tenantId, opportunityId);
    void reply.header('ETag', etagOf(revision));
    return toOpportunityView(details, revision);
  }
}
