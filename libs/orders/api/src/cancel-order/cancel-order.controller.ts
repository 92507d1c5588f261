import { Body, Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders, PathParam, uuidPathParam } from '@meridian/platform/nest';
import { OrderCommandAcceptedDto, accepted } from '../shared/command-accepted.dto';
import { OrderCommands } from '../shared/order-commands.service';
import { CancelOrderDto } from './cancel-order.dto';

@ApiTags('orders')
@Controller('api/v1/orders')
export class CancelOrderController {
  constructor(private readonly commands: OrderCommands) {}

  @Post(':orderId/cancellation')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Cancel an unpaid order (nothing paid, or everything refunded)' })
  @CommandEndpoint()
  @ApiOkResponse({ type: OrderCommandAcceptedDto, headers: commandResponseHeaders })
  async cancel(
    @PathParam('orderId', uuidPathParam) orderId: string,
    @Body() body: CancelOrderDto,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderCommandAcceptedDto> {
    const result = await this.commands.execute(orderId, request, (now) => ({
      type: 'CancelOrder',
      data: { orderId, reason: body.reason, cancelledAt: now },
    }));
    return accepted(reply, result);
  }
}
