import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { EventStore } from '@meridian/platform/eventsourcing';
import { AggregateNotFound, foldEvents, streamVisibleTo, toDomainEvent } from '@meridian/platform/eventsourcing';
import { commandResponseHeaders, etagOf, EVENT_STORE, PathParam, QueryEndpoint, TenantId, uuidPathParam } from '@meridian/platform/nest';
import type { OrderEvent } from '@meridian/orders/domain';
import { isPresent, orderDecider, orderStreamId } from '@meridian/orders/domain';
import { OrderView, toOrderView } from './order.view';

@ApiTags('orders')
@Controller('api/v1/orders')
export class GetOrderController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':orderId')
  @ApiOperation({ summary: 'Read one order from its stream (strongly consistent): lines, totals, payments, refunds; ETag carries the revision' })
  @QueryEndpoint()
  @ApiOkResponse({ type: OrderView, headers: { ETag: commandResponseHeaders.ETag } })
  async get(
    @PathParam('orderId', uuidPathParam) orderId: string,
    @TenantId() tenantId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderView> {
    const streamId = orderStreamId(orderId);
    const history = streamVisibleTo(tenantId, await this.store.readStream(streamId));
    const state = foldEvents(orderDecider, history.map(toDomainEvent) as OrderEvent[]);
    if (history.length === 0 || !isPresent(state)) throw new AggregateNotFound(streamId);
    const revision = history[history.length - 1].revision;
    void reply.header('ETag', etagOf(revision));
    return toOrderView(state, revision);
  }
}
