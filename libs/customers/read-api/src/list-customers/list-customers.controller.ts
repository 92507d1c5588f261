import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { MinPosition, ReadModelQueryEndpoint, ReadYourWrites, TenantId } from '@meridian/platform/nest';
import { customerListSortFields, customerSegments, listCustomers, maxPageSize } from '@meridian/read-models/customer-list';
import type { CustomerReadModels } from '../shared/customer-read-models';
import { CUSTOMER_READ_MODELS } from '../shared/customer-read-models';
import { fromCustomerList } from '../shared/customer-reads';
import { CustomerListPageView, toCustomerListPageView } from './customer-list-page.view';
import { intentLevels, parseListCustomersQuery } from './list-customers.query';

@ApiTags('customers')
@Controller('api/v1/customers')
export class ListCustomersController {
  constructor(@Inject(CUSTOMER_READ_MODELS) private readonly readModels: CustomerReadModels) {}

  @Get()
  @ApiOperation({
    summary: "List the tenant's customers, filtered, searched, sorted and paged",
    description: 'From the customer list read model: eventually consistent, see X-Min-Position. Customers merged into another are left out unless includeMerged=true.',
  })
  @ReadModelQueryEndpoint()
  @ReadYourWrites()
  @ApiQuery({ name: 'tag', required: false, description: 'Has this tag (compared lower-cased)' })
  @ApiQuery({ name: 'group', required: false, description: 'Belongs to this group' })
  @ApiQuery({ name: 'region', required: false })
  @ApiQuery({ name: 'industry', required: false })
  @ApiQuery({ name: 'intent', required: false, enum: intentLevels })
  @ApiQuery({ name: 'ownerId', required: false })
  @ApiQuery({ name: 'segment', required: false, enum: customerSegments })
  @ApiQuery({ name: 'search', required: false, description: 'Prefix of a word of the name or a contact name, of an email or its domain, or of a phone' })
  @ApiQuery({ name: 'includeMerged', required: false, enum: ['true', 'false'], description: 'Default false' })
  @ApiQuery({ name: 'sortBy', required: false, enum: customerListSortFields, description: 'Default name' })
  @ApiQuery({ name: 'direction', required: false, enum: ['asc', 'desc'] })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: `1-${maxPageSize}, default 50` })
  @ApiQuery({ name: 'offset', required: false, type: Number })
  @ApiOkResponse({ type: CustomerListPageView })
  async list(@TenantId() tenantId: string, @MinPosition() minPosition: number | undefined, @Req() request: FastifyRequest): Promise<CustomerListPageView> {
    const query = parseListCustomersQuery(request, tenantId);
    const page = await fromCustomerList(this.readModels, minPosition, (documents) => listCustomers(documents, query.tenantId, query.filters, query.sort, query.page));
    return toCustomerListPageView(page);
  }
}
