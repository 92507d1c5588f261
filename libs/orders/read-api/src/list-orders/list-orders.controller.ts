import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { MinPosition, ReadModelQueryEndpoint, ReadYourWrites, TenantId, readFrom } from '@meridian/platform/nest';
import { listOrders, orderListReadModel } from '@meridian/read-models/order-list';
import type { OrderReadModels } from '../shared/order-read-models';
import { ORDER_READ_MODELS } from '../shared/order-read-models';
import { orderListCursorScope } from './list-orders.cursor';
import { listOrdersQuery, parseListOrdersQuery } from './list-orders.query';
import { OrderListPageView, toOrderListPageView } from './order-list-page.view';

@ApiTags('orders')
@Controller('api/v1/orders')
export class ListOrdersController {
  constructor(@Inject(ORDER_READ_MODELS) private readonly readModels: OrderReadModels) {}

  @Get()
  @ApiOperation({ summary: "List the tenant's orders (read model; eventually consistent, see X-Min-Position)" })
  @ReadModelQueryEndpoint()
  @ReadYourWrites()
  @listOrdersQuery.documented()
  @ApiOkResponse({ type: OrderListPageView })
  async list(@TenantId() tenantId: string, @MinPosition() minPosition: number | undefined, @Req() request: FastifyRequest): Promise<OrderListPageView> {
    const query = parseListOrdersQuery(request, tenantId);
    const page = await readFrom(orderListReadModel, this.readModels.orderList, { minPosition, maxWaitMs: this.readModels.maxWaitMs }, (storage) =>
      listOrders(storage.documents, query),
    );
    return toOrderListPageView(page, orderListCursorScope(query));
  }
}
