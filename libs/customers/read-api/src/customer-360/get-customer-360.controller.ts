import { Controller, Get, HttpStatus, Inject, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MinPosition, PathParam, problemContentType, queryParameters, ReadModelQueryEndpoint, ReadYourWrites, TenantId, uuidPathParam } from '@meridian/platform/nest';
import { customer360Parts } from '@meridian/read-models/customer-activity';
import { resolveCustomer } from '../shared/customer-lineage.read';
import type { CustomerReadModels } from '../shared/customer-read-models';
import { CUSTOMER_READ_MODELS } from '../shared/customer-read-models';
import { fromCustomerActivity } from '../shared/customer-reads';
import { MergedCustomerRedirectView, redirectToSurvivor } from '../shared/merged-customer.redirect';
import { toCustomer360View } from './customer-360.assembly';
import { Customer360View } from './customer-360.view';

/** No query parameters but read-your-writes' minPosition: anything else is a typo, answered 400. */
const onlyMinPosition = queryParameters({}, { readYourWrites: true });
@ApiTags('customers')
@ApiExtraModels(MergedCustomerRedirectView)
@Controller('api/v1/customers')
export class GetCustomer360Controller {
  constructor(@Inject(CUSTOMER_READ_MODELS) private readonly readModels: CustomerReadModels) {}

  @Get(':customerId/360')
  @ApiOperation({
    summary: 'Customer 360: profile, contacts, consents, segment, lineage, open deals, orders with payments, revenue, last interaction, newest timeline',
    description:
      'From the customer list and customer activity read models (eventually consistent; see X-Min-Position). ' +
      'Deals, orders and the timeline include every customer merged into this one. A merged-away customer answers 307 to its survivor.',
  })
  @ReadModelQueryEndpoint()
  @ReadYourWrites()
  @ApiOkResponse({ type: Customer360View })
  @ApiResponse({
    status: HttpStatus.TEMPORARY_REDIRECT,
    description: 'Merged into another customer: Location is the survivor’s 360',
    headers: { Location: { description: 'URL of the survivor’s 360', schema: { type: 'string' } } },
    content: { 'application/json': { schema: { $ref: getSchemaPath(MergedCustomerRedirectView) } } },
  })
  @ApiNotFoundResponse({ description: 'No such customer for this tenant', content: { [problemContentType]: {} } })
  async get(
    @PathParam('customerId', uuidPathParam) customerId: string,
    @TenantId() tenantId: string,
    @MinPosition() minPosition: number | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Customer360View | MergedCustomerRedirectView> {
    onlyMinPosition.reader(request).done();
    const customer = await resolveCustomer(this.readModels, tenantId, customerId, minPosition);
    if (customer.status === 'merged') return redirectToSurvivor(reply, request, customerId, customer.survivorId, '360');
    const parts = await fromCustomerActivity(this.readModels, minPosition, (documents) => customer360Parts(documents, tenantId, customer.lineage));
    return toCustomer360View(customer.item, customer.lineage, parts);
  }
}
