import { Controller, Delete, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandRequest } from '@meridian/platform/nest';
import { contactIdPathParam } from '../shared/path-params';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders, PathParam, uuidPathParam } from '@meridian/platform/nest';
import { CustomerCommandAcceptedDto, accepted } from '../shared/command-accepted.dto';
import { CustomerCommands } from '../shared/customer-commands.service';

@ApiTags('customers')
@Controller('api/v1/customers')
export class RemoveContactController {
  constructor(private readonly commands: CustomerCommands) {}

  @Delete(':customerId/contacts/:contactId')
  @ApiOperation({ summary: 'Remove a contact; removing it again is a no-op, an id never added is contact-not-found' })
  @CommandEndpoint()
  @ApiOkResponse({ type: CustomerCommandAcceptedDto, headers: commandResponseHeaders })
  async remove(
    @PathParam('customerId', uuidPathParam) customerId: string,
    @PathParam('contactId', contactIdPathParam) contactId: string,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerCommandAcceptedDto> {
    const result = await this.commands.execute(customerId, request, (now) => ({
      type: 'RemoveContact',
      data: { customerId, contactId, removedAt: now },
    }));
    return accepted(reply, result);
  }
}
