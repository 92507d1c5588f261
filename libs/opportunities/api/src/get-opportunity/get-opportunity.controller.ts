import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { EventStore } from '@meridian/platform/eventsourcing';
import { AggregateNotFound, foldEvents, streamVisibleTo, toDomainEvent } from '@meridian/platform/eventsourcing';
import { commandResponseHeaders, etagOf, EVENT_STORE, PathParam, QueryEndpoint, TenantId, uuidPathParam } from '@meridian/platform/nest';
import type { OpportunityEvent } from '@meridian/opportunities/domain';
import { opportunityDecider, opportunityStreamId } from '@meridian/opportunities/domain';
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
    const streamId = opportunityStreamId(opportunityId);
    const history = streamVisibleTo(tenantId, await this.store.readStream(streamId));
    if (history.length === 0) throw new AggregateNotFound(streamId);
    const state = foldEvents(opportunityDecider, history.map(toDomainEvent) as OpportunityEvent[]);
    if (state.status === 'absent') throw new AggregateNotFound(streamId);
    const { status: _status, ...details } = state;
    const revision = history[history.length - 1].revision;
    void reply.header('ETag', etagOf(revision));
    return toOpportunityView(details, revision);
  }
}
