import { Controller, Delete, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders } from '@meridian/platform/nest';
import { CustomerCommandAcceptedDto, accepted } from '../shared/command-accepted.dto';
import { CustomerCommands } from '../shared/customer-commands.service';
import { ContactIdPipe, CustomerIdPipe } from '../shared/path-params.pipe';

@ApiTags('customers')
@Controller('api/v1/customers')
export class RemoveContactController {
  constructor(private readonly commands: CustomerCommands) {}

  @Delete(':customerId/contacts/:contactId')
  @ApiOperation({ summary: 'Remove a contact; removing it again is a no-op, an id never added is contact-not-found' })
  @CommandEndpoint()
  @ApiOkResponse({ type: CustomerCommandAcceptedDto, headers: commandResponseHeaders })
  async remove(
    @Param('customerId', CustomerIdPipe) customerId: string,
    @Param('contactId', ContactIdPipe) contactId: string,
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
