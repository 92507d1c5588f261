import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { EventStore } from '@meridian/platform/eventsourcing';
import { AggregateNotFound } from '@meridian/platform/eventsourcing';
import { commandResponseHeaders, etagOf, EVENT_STORE, PathParam, QueryEndpoint, TenantId, uuidPathParam } from '@meridian/platform/nest';
import { readCustomerHistory } from '../shared/customer-stream.read';
import { CustomerView, MergedCustomerView, toCustomerView } from './customer.view';

@ApiTags('customers')
@ApiExtraModels(MergedCustomerView)
@Controller('api/v1/customers')
export class GetCustomerController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':customerId')
  @ApiOperation({
    summary: 'Read one customer from its stream (strongly consistent); ETag carries the revision',
    description: 'A customer merged into another answers 307 with the survivor in Location: 307, not 308, because a merge can be undone.',
  })
  @QueryEndpoint()
  @ApiOkResponse({ type: CustomerView, headers: { ETag: commandResponseHeaders.ETag } })
  @ApiResponse({
    status: HttpStatus.TEMPORARY_REDIRECT,
    description: 'Merged into another customer',
    headers: { Location: { description: 'URL of the survivor', schema: { type: 'string' } } },
    content: { 'application/json': { schema: { $ref: getSchemaPath(MergedCustomerView) } } },
  })
  async get(
    @PathParam('customerId', uuidPathParam) customerId: string,
    @TenantId() tenantId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerView | MergedCustomerView> {
    const { streamId, events, state } = await readCustomerHistory(this.store, tenantId, customerId);
    if (state.status === 'absent') throw new AggregateNotFound(streamId);
    if (state.mergedInto !== undefined) {
      const location = `/api/v1/customers/${state.mergedInto}`;
      void reply.status(HttpStatus.TEMPORARY_REDIRECT).header('Location', location);
      return { customerId, mergedInto: state.mergedInto, location };
    }
    const revision = events[events.length - 1].revision;
    void reply.header('ETag', etagOf(revision));
    return toCustomerView(state, events, revision);
  }
}
