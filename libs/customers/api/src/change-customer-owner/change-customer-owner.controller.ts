import { Body, Controller, Put, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders, PathParam, uuidPathParam } from '@meridian/platform/nest';
import { CustomerCommandAcceptedDto, accepted } from '../shared/command-accepted.dto';
import { CustomerCommands } from '../shared/customer-commands.service';
import { ChangeCustomerOwnerDto } from './change-customer-owner.dto';

@ApiTags('customers')
@Controller('api/v1/customers')
export class ChangeCustomerOwnerController {
  constructor(private readonly commands: CustomerCommands) {}

  @Put(':customerId/owner')
  @ApiOperation({ summary: 'Hand the customer to another owner; the current owner again appends nothing' })
  @CommandEndpoint()
  @ApiOkResponse({ type: CustomerCommandAcceptedDto, headers: commandResponseHeaders })
  async change(
    @PathParam('customerId', uuidPathParam) customerId: string,
    @Body() body: ChangeCustomerOwnerDto,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerCommandAcceptedDto> {
    const result = await this.commands.execute(customerId, request, (now) => ({
      type: 'ChangeCustomerOwner',
      data: { customerId, ownerId: body.ownerId, changedAt: now },
    }));
    return accepted(reply, result);
  }
}
