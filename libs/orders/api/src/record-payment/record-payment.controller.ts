import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { deterministicUuid } from '@meridian/platform/eventsourcing';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders, PathParam, uuidPathParam } from '@meridian/platform/nest';
import { OrderCommandAcceptedDto, accepted } from '../shared/command-accepted.dto';
import { OrderCommands } from '../shared/order-commands.service';
import { RecordPaymentDto } from './record-payment.dto';

export class PaymentRecordedDto extends OrderCommandAcceptedDto {
  @ApiProperty({ example: 'psp-ch_3PbX2v' })
  paymentId!: string;
}

@ApiTags('orders')
@Controller('api/v1/orders')
export class RecordPaymentController {
  constructor(private readonly commands: OrderCommands) {}

  @Post(':orderId/payments')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Record a payment on a confirmed order (never more than is outstanding)' })
  @CommandEndpoint()
  @ApiOkResponse({ type: PaymentRecordedDto, headers: commandResponseHeaders })
  async recordPayment(
    @PathParam('orderId', uuidPathParam) orderId: string,
    @Body() body: RecordPaymentDto,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PaymentRecordedDto> {
    const { tenantId, idempotencyKey } = request.context;
    const paymentId = body.paymentId ?? (idempotencyKey ? deterministicUuid(tenantId, orderId, 'record-payment', idempotencyKey) : randomUUID());
    const result = await this.commands.execute(orderId, request, (now) => ({
      type: 'RecordPayment',
      data: { orderId, paymentId, amount: { amount: body.amount.amount, currency: body.amount.currency }, method: body.method, receivedAt: now },
    }));
    return { ...accepted(reply, result), paymentId };
  }
}
