import { Controller, Put, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandRequest } from '@meridian/platform/nest';
import { tagPathParam } from '../shared/path-params';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders, PathParam, uuidPathParam } from '@meridian/platform/nest';
import { CustomerCommandAcceptedDto, accepted } from '../shared/command-accepted.dto';
import { CustomerCommands } from '../shared/customer-commands.service';

@ApiTags('customers')
@Controller('api/v1/customers')
export class TagCustomerController {
  constructor(private readonly commands: CustomerCommands) {}

  @Put(':customerId/tags/:tag')
  @ApiOperation({ summary: 'Tag the customer (trimmed and lower-cased); tagging twice appends nothing' })
  @CommandEndpoint()
  @ApiOkResponse({ type: CustomerCommandAcceptedDto, headers: commandResponseHeaders })
  async tag(
    @PathParam('customerId', uuidPathParam) customerId: string,
    @PathParam('tag', tagPathParam) tag: string,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerCommandAcceptedDto> {
    const result = await this.commands.execute(customerId, request, (now) => ({ type: 'TagCustomer', data: { customerId, tag, taggedAt: now } }));
    return accepted(reply, result);
  }
}
