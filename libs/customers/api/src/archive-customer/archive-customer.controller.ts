import { Body, Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders, PathParam, uuidPathParam } from '@meridian/platform/nest';
import { CustomerCommandAcceptedDto, accepted } from '../shared/command-accepted.dto';
import { CustomerCommands } from '../shared/customer-commands.service';
import { ArchiveCustomerDto } from './archive-customer.dto';

@ApiTags('customers')
@Controller('api/v1/customers')
export class ArchiveCustomerController {
  constructor(private readonly commands: CustomerCommands) {}

  @Post(':customerId/archive')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Archive the customer: out of lists and segment counts, and refusing day-to-day commands until restored',
    description:
      'Nothing is deleted. While archived the customer refuses profile, contact, interaction, tag, group, intent, owner, consent-grant and merge ' +
      'commands with 409 customer-archived; a consent withdrawal is still recorded. Archiving an archived customer is 409 already-archived, ' +
      'a merged-away one 409 customer-merged (naming its survivor).',
  })
  @CommandEndpoint()
  @ApiOkResponse({ type: CustomerCommandAcceptedDto, headers: commandResponseHeaders })
  async archive(
    @PathParam('customerId', uuidPathParam) customerId: string,
    @Body() body: ArchiveCustomerDto,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerCommandAcceptedDto> {
    const reason = body.reason;
    const result = await this.commands.execute(customerId, request, (now) => ({
      type: 'ArchiveCustomer',
      data: { customerId, ...(reason === undefined ? {} : { reason }), archivedAt: now },
    }));
    return accepted(reply, result);
  }
}
