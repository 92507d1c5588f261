import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { deterministicUuid } from '@meridian/platform/eventsourcing';
import { wonOpportunityOrderId } from '@meridian/orders/domain';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders } from '@meridian/platform/nest';
import { OrderCommandAcceptedDto, accepted } from '../shared/command-accepted.dto';
import { OrderCommands } from '../shared/order-commands.service';
import { PlaceOrderDto } from './place-order.dto';

@ApiTags('orders')
@Controller('api/v1/orders')
export class PlaceOrderController {
  constructor(private readonly commands: OrderCommands) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Place an order',
    description: 'At least one line, every unit price in the order currency, a total above zero. The order then waits for confirmation.',
  })
  @CommandEndpoint({ creates: true })
  @ApiCreatedResponse({
    type: OrderCommandAcceptedDto,
    description: 'Placed',
    headers: { ...commandResponseHeaders, Location: { description: 'URL of the new order', schema: { type: 'string' } } },
  })
  async place(
    @Body() body: PlaceOrderDto,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderCommandAcceptedDto> {
    // An order for a deal takes the id the won-opportunity process manager would
    // draft it under: one order per deal, whoever comes first (a later draft is a
    // no-op; a second placement is 409 order-exists naming the order). Otherwise,
    // with an Idempotency-Key the id is derived from it, so a retry lands on the
    // same stream and finds its first result there instead of placing a twin.
    const { tenantId, idempotencyKey } = request.context;
    const orderId =
      body.opportunityId !== undefined
        ? wonOpportunityOrderId(tenantId, body.opportunityId)
        : idempotencyKey
          ? deterministicUuid(tenantId, 'place-order', idempotencyKey)
          : randomUUID();
    // If-Match has nothing to match on a resource that does not exist yet: ignored here.
    const result = await this.commands.execute(orderId, { context: request.context }, (now) => ({
      type: 'PlaceOrder',
      data: {
        orderId,
        customerId: body.customerId,
        currency: body.currency,
        lines: body.lines.map((line, index) => ({
          lineId: line.lineId ?? `line-${index + 1}`,
          productId: line.productId,
          description: line.description,
          quantity: line.quantity,
          unitPrice: { amount: line.unitPrice.amount, currency: line.unitPrice.currency },
        })),
        ...(body.opportunityId === undefined ? {} : { opportunityId: body.opportunityId }),
        placedAt: now,
      },
    }));
    void reply.header('Location', `/api/v1/orders/${orderId}`);
    return accepted(reply, result);
  }
}
