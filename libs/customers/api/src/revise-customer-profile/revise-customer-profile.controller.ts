import { Body, Controller, Put, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders, PathParam, uuidPathParam } from '@meridian/platform/nest';
import { CustomerCommandAcceptedDto, accepted } from '../shared/command-accepted.dto';
import { CustomerCommands } from '../shared/customer-commands.service';
import { reviseCustomerProfileCommand } from '../shared/profile-commands.mapping';
import { ReviseCustomerProfileDto } from './revise-customer-profile.dto';

@ApiTags('customers')
@Controller('api/v1/customers')
export class ReviseCustomerProfileController {
  constructor(private readonly commands: CustomerCommands) {}

  @Put(':customerId/profile')
  @ApiOperation({ summary: 'Replace the profile (name, industry, region, size, emails, phones); the same profile again appends nothing' })
  @CommandEndpoint()
  @ApiOkResponse({ type: CustomerCommandAcceptedDto, headers: commandResponseHeaders })
  async revise(
    @PathParam('customerId', uuidPathParam) customerId: string,
    @Body() body: ReviseCustomerProfileDto,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerCommandAcceptedDto> {
    const result = await this.commands.execute(customerId, request, (now) => reviseCustomerProfileCommand(customerId, body, now));
    return accepted(reply, result);
  }
}
