import { Body, Controller, Put, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandRequest } from '@meridian/platform/nest';
import { contactIdPathParam } from '../shared/path-params';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders, PathParam, uuidPathParam } from '@meridian/platform/nest';
import { CustomerCommandAcceptedDto, accepted } from '../shared/command-accepted.dto';
import { CustomerCommands } from '../shared/customer-commands.service';
import { reviseContactCommand } from '../shared/profile-commands.mapping';
import { ReviseContactDto } from './revise-contact.dto';

@ApiTags('customers')
@Controller('api/v1/customers')
export class ReviseContactController {
  constructor(private readonly commands: CustomerCommands) {}

  @Put(':customerId/contacts/:contactId')
  @ApiOperation({ summary: 'Replace a current contact (contact-not-found otherwise)' })
  @CommandEndpoint()
  @ApiOkResponse({ type: CustomerCommandAcceptedDto, headers: commandResponseHeaders })
  async revise(
    @PathParam('customerId', uuidPathParam) customerId: string,
    @PathParam('contactId', contactIdPathParam) contactId: string,
    @Body() body: ReviseContactDto,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerCommandAcceptedDto> {
    const result = await this.commands.execute(customerId, request, (now) => reviseContactCommand(customerId, contactId, body, now));
    return accepted(reply, result);
  }
}
