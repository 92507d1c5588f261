import { Controller, Param, Put, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders } from '@meridian/platform/nest';
import { CustomerCommandAcceptedDto, accepted } from '../shared/command-accepted.dto';
import { CustomerCommands } from '../shared/customer-commands.service';
import { CustomerIdPipe, TagPipe } from '../shared/path-params.pipe';

@ApiTags('customers')
@Controller('api/v1/customers')
export class TagCustomerController {
  constructor(private readonly commands: CustomerCommands) {}

  @Put(':customerId/tags/:tag')
  @ApiOperation({ summary: 'Tag the customer (trimmed and lower-cased); tagging twice appends nothing' })
  @CommandEndpoint()
  @ApiOkResponse({ type: CustomerCommandAcceptedDto, headers: commandResponseHeaders })
  async tag(
    @Param('customerId', CustomerIdPipe) customerId: string,
    @Param('tag', TagPipe) tag: string,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerCommandAcceptedDto> {
    const result = await this.commands.execute(customerId, request, (now) => ({ type: 'TagCustomer', data: { customerId, tag, taggedAt: now } }));
    return accepted(reply, result);
  }
}
