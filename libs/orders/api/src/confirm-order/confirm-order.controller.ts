import { Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders, PathParam, uuidPathParam } from '@meridian/platform/nest';
import { OrderCommandAcceptedDto, accepted } from '../shared/command-accepted.dto';
import { OrderCommands } from '../shared/order-commands.service';

@ApiTags('orders')
@Controller('api/v1/orders')
export class ConfirmOrderController {
  constructor(private readonly commands: OrderCommands) {}

  /** No body: confirming says nothing but "yes". */
  @Post(':orderId/confirmation')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Confirm a placed or drafted order; from then on it takes payments' })
  @CommandEndpoint()
  @ApiOkResponse({ type: OrderCommandAcceptedDto, headers: commandResponseHeaders })
  async confirm(
    @PathParam('orderId', uuidPathParam) orderId: string,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderCommandAcceptedDto> {
    const result = await this.commands.execute(orderId, request, (now) => ({ type: 'ConfirmOrder', data: { orderId, confirmedAt: now } }));
    return accepted(reply, result);
  }
}
