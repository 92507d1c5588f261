import { Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders, PathParam, uuidPathParam } from '@meridian/platform/nest';
import { CustomerCommandAcceptedDto, accepted } from '../shared/command-accepted.dto';
import { CustomerCommands } from '../shared/customer-commands.service';

@ApiTags('customers')
@Controller('api/v1/customers')
export class RestoreCustomerController {
  constructor(private readonly commands: CustomerCommands) {}

  /** No body: restoring says nothing but "back". */
  @Post(':customerId/restore')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Restore an archived customer, with everything it had',
    description: 'A customer that is not archived is 409 not-archived; a merged-away one 409 customer-merged (naming its survivor).',
  })
  @CommandEndpoint()
  @ApiOkResponse({ type: CustomerCommandAcceptedDto, headers: commandResponseHeaders })
  async restore(
    @PathParam('customerId', uuidPathParam) customerId: string,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerCommandAcceptedDto> {
    const result = await this.commands.execute(customerId, request, (now) => ({ type: 'RestoreCustomer', data: { customerId, restoredAt: now } }));
    return accepted(reply, result);
  }
}
