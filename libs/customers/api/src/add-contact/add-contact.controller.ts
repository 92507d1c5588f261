import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { deterministicUuid } from '@meridian/platform/eventsourcing';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders, PathParam, uuidPathParam } from '@meridian/platform/nest';
import { accepted } from '../shared/command-accepted.dto';
import { CustomerCommands } from '../shared/customer-commands.service';
import { addContactCommand } from '../shared/profile-commands.mapping';
import { AddContactDto, ContactAcceptedDto } from './add-contact.dto';

@ApiTags('customers')
@Controller('api/v1/customers')
export class AddContactController {
  constructor(private readonly commands: CustomerCommands) {}

  @Post(':customerId/contacts')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Add a contact person; the same contact again is a no-op, other details under its id are refused (contact-already-exists)' })
  @CommandEndpoint()
  @ApiCreatedResponse({
    type: ContactAcceptedDto,
    headers: { ...commandResponseHeaders, Location: { description: 'URL of the contact', schema: { type: 'string' } } },
  })
  async add(
    @PathParam('customerId', uuidPathParam) customerId: string,
    @Body() body: AddContactDto,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContactAcceptedDto> {
    // A derived id makes a retry under the same key add the same contact, which the decider takes as a no-op.
    const { tenantId, idempotencyKey } = request.context;
    const contactId = body.contactId ?? (idempotencyKey ? deterministicUuid(tenantId, customerId, 'add-contact', idempotencyKey) : randomUUID());
    const result = await this.commands.execute(customerId, request, (now) => addContactCommand(customerId, contactId, body, now));
    void reply.header('Location', `/api/v1/customers/${customerId}/contacts/${encodeURIComponent(contactId)}`);
    return { ...accepted(reply, result), contactId };
  }
}
