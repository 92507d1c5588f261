import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { EventStore } from '@meridian/platform/eventsourcing';
import { foldEvents, streamVisibleTo, toDomainEvent } from '@meridian/platform/eventsourcing';
import { EVENT_STORE, QueryEndpoint, TenantId, commandResponseHeaders, etagOf } from '@meridian/platform/nest';
import type { SegmentPolicyEvent } from '@meridian/customers/domain';
import { segmentPolicyDecider, segmentPolicyStreamId } from '@meridian/customers/domain';
import { SegmentPolicyView, toSegmentPolicyView } from './segment-policy.view';

@ApiTags('segment policy')
@Controller('api/v1/customers/segment-policy')
export class GetSegmentPolicyController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @ApiOperation({ summary: "The tenant's value-segment policy in force, or the default (marked as such) until one is set" })
  @QueryEndpoint()
  @ApiOkResponse({ type: SegmentPolicyView, headers: { ETag: { ...commandResponseHeaders.ETag, description: 'Only once the tenant has set a policy' } } })
  async get(@TenantId() tenantId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<SegmentPolicyView> {
    const history = streamVisibleTo(tenantId, await this.store.readStream(segmentPolicyStreamId(tenantId)));
    const state = foldEvents(segmentPolicyDecider, history.map(toDomainEvent) as SegmentPolicyEvent[]);
    const revision = history.at(-1)?.revision;
    if (revision !== undefined) void reply.header('ETag', etagOf(revision));
    return toSegmentPolicyView(state, revision);
  }
}
