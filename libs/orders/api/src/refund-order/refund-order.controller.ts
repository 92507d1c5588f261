import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { deterministicUuid } from '@meridian/platform/eventsourcing';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders, PathParam, uuidPathParam } from '@meridian/platform/nest';
import { OrderCommandAcceptedDto, accepted } from '../shared/command-accepted.dto';
import { OrderCommands } from '../shared/order-commands.service';
import { RefundOrderDto } from './refund-order.dto';

export class OrderRefundedDto extends OrderCommandAcceptedDto {
  @ApiProperty({ example: 'rma-2291' })
  refundId!: string;
}

@ApiTags('orders')
@Controller('api/v1/orders')
export class RefundOrderController {
  constructor(private readonly commands: OrderCommands) {}

  @Post(':orderId/refunds')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Refund part or all of what was paid, with a reason' })
  @CommandEndpoint()
  @ApiOkResponse({ type: OrderRefundedDto, headers: commandResponseHeaders })
  async refund(
    @PathParam('orderId', uuidPathParam) orderId: string,
    @Body() body: RefundOrderDto,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderRefundedDto> {
    const { tenantId, idempotencyKey } = request.context;
    const refundId = body.refundId ?? (idempotencyKey ? deterministicUuid(tenantId, orderId, 'refund-order', idempotencyKey) : randomUUID());
    const result = await this.commands.execute(orderId, request, (now) => ({
      type: 'RefundOrder',
      data: { orderId, refundId, amount: { amount: body.amount.amount, currency: body.amount.currency }, reason: body.reason, refundedAt: now },
    }));
    return { ...accepted(reply, result), refundId };
  }
}
