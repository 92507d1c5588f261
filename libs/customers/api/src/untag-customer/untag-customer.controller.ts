import { Controller, Delete, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandRequest } from '@meridian/platform/nest';
import { tagPathParam } from '../shared/path-params';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders, PathParam, uuidPathParam } from '@meridian/platform/nest';
import { CustomerCommandAcceptedDto, accepted } from '../shared/command-accepted.dto';
import { CustomerCommands } from '../shared/customer-commands.service';

@ApiTags('customers')
@Controller('api/v1/customers')
export class UntagCustomerController {
  constructor(private readonly commands: CustomerCommands) {}

  @Delete(':customerId/tags/:tag')
  @ApiOperation({ summary: 'Remove a tag; a tag the customer does not have appends nothing' })
  @CommandEndpoint()
  @ApiOkResponse({ type: CustomerCommandAcceptedDto, headers: commandResponseHeaders })
  async untag(
    @PathParam('customerId', uuidPathParam) customerId: string,
    @PathParam('tag', tagPathParam) tag: string,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerCommandAcceptedDto> {
    const result = await this.commands.execute(customerId, request, (now) => ({ type: 'UntagCustomer', data: { customerId, tag, untaggedAt: now } }));
    return accepted(reply, result);
  }
}
