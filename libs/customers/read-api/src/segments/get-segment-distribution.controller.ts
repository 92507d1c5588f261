import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { EventStore } from '@meridian/platform/eventsourcing';
import { EVENT_STORE, MinPosition, queryParameters, ReadModelQueryEndpoint, ReadYourWrites, TenantId } from '@meridian/platform/nest';
import { segmentPolicyOf } from '@meridian/customers/process-managers';
import { segmentDistribution } from '@meridian/read-models/customer-list';
import type { CustomerReadModels } from '../shared/customer-read-models';
import { CUSTOMER_READ_MODELS } from '../shared/customer-read-models';
import { fromCustomerList } from '../shared/customer-reads';
import { SegmentDistributionView, toSegmentDistributionView } from './segment-distribution.view';

/** No query parameters but read-your-writes' minPosition: anything else is a typo, answered 400. */
const onlyMinPosition = queryParameters({}, { readYourWrites: true });
@ApiTags('customer segments')
@Controller('api/v1/customers/segments')
export class GetSegmentDistributionController {
  constructor(
    @Inject(CUSTOMER_READ_MODELS) private readonly readModels: CustomerReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'How many of the tenant’s customers are in each value segment, A to E, with the policy in force',
    description: 'Counts from the customer list’s counters (eventually consistent; see X-Min-Position); the policy from its stream (always current).',
  })
  @ReadModelQueryEndpoint()
  @ReadYourWrites()
  @ApiOkResponse({ type: SegmentDistributionView })
  async get(@TenantId() tenantId: string, @MinPosition() minPosition: number | undefined, @Req() request: FastifyRequest): Promise<SegmentDistributionView> {
    onlyMinPosition.reader(request).done();
    const [distribution, policy] = await Promise.all([
      fromCustomerList(this.readModels, minPosition, (_documents, counters) => segmentDistribution(counters, tenantId)),
      segmentPolicyOf(this.store, tenantId),
    ]);
    return toSegmentDistributionView(distribution, policy);
  }
}
