import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { MinPosition, PathParam, ReadModelQueryEndpoint, ReadYourWrites, TenantId } from '@meridian/platform/nest';
import { segmentPathParam } from '../shared/path-params';
import type { CustomerSegment } from '@meridian/read-models/customer-list';
import { customerSegments, customersInSegment } from '@meridian/read-models/customer-list';
import { segmentCustomersCursorScope } from '../list-customers/customer-list.cursor';
import { CustomerListPageView, toCustomerListPageView } from '../list-customers/customer-list-page.view';
import type { CustomerReadModels } from '../shared/customer-read-models';
import { CUSTOMER_READ_MODELS } from '../shared/customer-read-models';
import { fromCustomerList } from '../shared/customer-reads';
import { parseSegmentCustomersQuery, segmentCustomersQuery } from './segment-customers.query';

@ApiTags('customer segments')
@Controller('api/v1/customers/segments')
export class ListSegmentCustomersController {
  constructor(@Inject(CUSTOMER_READ_MODELS) private readonly readModels: CustomerReadModels) {}

  @Get(':segment/customers')
  @ApiOperation({ summary: 'The active customers of one value segment, by name, paged (eventually consistent; see X-Min-Position)' })
  @ReadModelQueryEndpoint()
  @ReadYourWrites()
  @ApiParam({ name: 'segment', enum: customerSegments })
  @segmentCustomersQuery.documented()
  @ApiOkResponse({ type: CustomerListPageView })
  async list(
    @PathParam('segment', segmentPathParam) segment: CustomerSegment,
    @TenantId() tenantId: string,
    @MinPosition() minPosition: number | undefined,
    @Req() request: FastifyRequest,
  ): Promise<CustomerListPageView> {
    const page = parseSegmentCustomersQuery(request, tenantId, segment);
    const found = await fromCustomerList(this.readModels, minPosition, (documents) => customersInSegment(documents, tenantId, segment, page));
    return toCustomerListPageView(found, segmentCustomersCursorScope(tenantId, segment));
  }
}
