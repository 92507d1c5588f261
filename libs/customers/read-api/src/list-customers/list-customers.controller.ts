import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { MinPosition, ReadModelQueryEndpoint, ReadYourWrites, TenantId } from '@meridian/platform/nest';
import { listCustomers } from '@meridian/read-models/customer-list';
import type { CustomerReadModels } from '../shared/customer-read-models';
import { CUSTOMER_READ_MODELS } from '../shared/customer-read-models';
import { fromCustomerList } from '../shared/customer-reads';
import { CustomerListPageView, toCustomerListPageView } from './customer-list-page.view';
import { customerListCursorScope } from './customer-list.cursor';
import { listCustomersQuery, parseListCustomersQuery } from './list-customers.query';

@ApiTags('customers')
@Controller('api/v1/customers')
export class ListCustomersController {
  constructor(@Inject(CUSTOMER_READ_MODELS) private readonly readModels: CustomerReadModels) {}

  @Get()
  @ApiOperation({
    summary: "List the tenant's customers, filtered, searched, sorted and paged",
    description: 'From the customer list read model: eventually consistent, see X-Min-Position. Customers merged into another are left out unless includeMerged=true, archived ones unless archived=include or only.',
  })
  @ReadModelQueryEndpoint()
  @ReadYourWrites()
  @listCustomersQuery.documented()
  @ApiOkResponse({ type: CustomerListPageView })
  async list(@TenantId() tenantId: string, @MinPosition() minPosition: number | undefined, @Req() request: FastifyRequest): Promise<CustomerListPageView> {
    const query = parseListCustomersQuery(request, tenantId);
    const page = await fromCustomerList(this.readModels, minPosition, (documents) => listCustomers(documents, query.tenantId, query.filters, query.sort, query.page));
    return toCustomerListPageView(page, customerListCursorScope(query.tenantId, query.filters, query.sort));
  }
}
