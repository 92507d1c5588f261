import { Controller, Get, HttpStatus, Inject, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MinPosition, PathParam, problemContentType, ReadModelQueryEndpoint, ReadYourWrites, TenantId, uuidPathParam } from '@meridian/platform/nest';
import { customer360Parts, timeline } from '@meridian/read-models/customer-activity';
import { resolveCustomer } from '../shared/customer-lineage.read';
import type { CustomerReadModels } from '../shared/customer-read-models';
import { CUSTOMER_READ_MODELS } from '../shared/customer-read-models';
import { fromCustomerActivity } from '../shared/customer-reads';
import { MergedCustomerRedirectView, redirectToSurvivor } from '../shared/merged-customer.redirect';
import { customerTimelineQuery, parseCustomerTimelineQuery } from './customer-timeline.query';
import { TimelinePageView, toTimelinePageView } from './timeline-page.view';

@ApiTags('customers')
@ApiExtraModels(MergedCustomerRedirectView)
@Controller('api/v1/customers')
export class GetCustomerTimelineController {
  constructor(@Inject(CUSTOMER_READ_MODELS) private readonly readModels: CustomerReadModels) {}

  @Get(':customerId/timeline')
  @ApiOperation({
    summary: 'One page of the customer’s timeline, newest first, across its lineage (customer, deal and order events)',
    description: 'Pages never shift: entries recorded after the first page do not move later pages. Eventually consistent; see X-Min-Position.',
  })
  @ReadModelQueryEndpoint()
  @ReadYourWrites()
  @customerTimelineQuery.documented()
  @ApiOkResponse({ type: TimelinePageView })
  @ApiResponse({
    status: HttpStatus.TEMPORARY_REDIRECT,
    description: 'Merged into another customer: Location is the survivor’s timeline',
    content: { 'application/json': { schema: { $ref: getSchemaPath(MergedCustomerRedirectView) } } },
  })
  @ApiNotFoundResponse({ description: 'No such customer for this tenant', content: { [problemContentType]: {} } })
  async get(
    @PathParam('customerId', uuidPathParam) customerId: string,
    @TenantId() tenantId: string,
    @MinPosition() minPosition: number | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TimelinePageView | MergedCustomerRedirectView> {
    const page = parseCustomerTimelineQuery(request);
    const customer = await resolveCustomer(this.readModels, tenantId, customerId, minPosition);
    if (customer.status === 'merged') return redirectToSurvivor(reply, request, customerId, customer.survivorId, 'timeline');
    const parts = await fromCustomerActivity(this.readModels, minPosition, (documents) => customer360Parts(documents, tenantId, customer.lineage));
    return toTimelinePageView(timeline(parts, page));
  }
}
