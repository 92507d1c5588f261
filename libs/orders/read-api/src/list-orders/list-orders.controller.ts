import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { MinPosition, ReadModelQueryEndpoint, ReadYourWrites, TenantId, readFrom } from '@meridian/platform/nest';
import { defaultPageSize, listOrders, maxPageSize, orderListReadModel, orderListSortFields, orderListStatuses } from '@meridian/read-models/order-list';
import type { OrderReadModels } from '../shared/order-read-models';
import { ORDER_READ_MODELS } from '../shared/order-read-models';
import { maxOffset, parseListOrdersQuery } from './list-orders.query';
import { OrderListPageView, toOrderListPageView } from './order-list-page.view';

@ApiTags('orders')
@Controller('api/v1/orders')
export class ListOrdersController {
  constructor(@Inject(ORDER_READ_MODELS) private readonly readModels: OrderReadModels) {}

  @Get()
  @ApiOperation({ summary: "List the tenant's orders (read model; eventually consistent, see X-Min-Position)" })
  @ReadModelQueryEndpoint()
  @ReadYourWrites()
  @ApiQuery({ name: 'customerId', required: false })
  @ApiQuery({ name: 'status', required: false, enum: orderListStatuses })
  @ApiQuery({ name: 'opportunityId', required: false })
  @ApiQuery({ name: 'placedFrom', required: false, description: 'Inclusive, YYYY-MM-DD, on the UTC day the order was placed or drafted' })
  @ApiQuery({ name: 'placedTo', required: false, description: 'Inclusive, YYYY-MM-DD' })
  @ApiQuery({ name: 'sortBy', required: false, enum: orderListSortFields, description: 'Default placedAt; the order id breaks ties' })
  @ApiQuery({ name: 'direction', required: false, enum: ['asc', 'desc'], description: 'Default desc (newest or largest first)' })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: `1-${maxPageSize}, default ${defaultPageSize}` })
  @ApiQuery({ name: 'offset', required: false, type: Number, description: `0-${maxOffset}` })
  @ApiOkResponse({ type: OrderListPageView })
  async list(@TenantId() tenantId: string, @MinPosition() minPosition: number | undefined, @Req() request: FastifyRequest): Promise<OrderListPageView> {
    const query = parseListOrdersQuery(request, tenantId);
    const page = await readFrom(orderListReadModel, this.readModels.orderList, { minPosition, maxWaitMs: this.readModels.maxWaitMs }, (storage) =>
      listOrders(storage.documents, query),
    );
    return toOrderListPageView(page);
  }
}
