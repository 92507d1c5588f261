import { Body, Controller, Put, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders, PathParam, uuidPathParam } from '@meridian/platform/nest';
import { CustomerCommandAcceptedDto, accepted } from '../shared/command-accepted.dto';
import { CustomerCommands } from '../shared/customer-commands.service';
import { AssignCustomerGroupsDto } from './assign-customer-groups.dto';

@ApiTags('customers')
@Controller('api/v1/customers')
export class AssignCustomerGroupsController {
  constructor(private readonly commands: CustomerCommands) {}

  @Put(':customerId/groups')
  @ApiOperation({ summary: 'Replace the set of groups; the same set in another order appends nothing' })
  @CommandEndpoint()
  @ApiOkResponse({ type: CustomerCommandAcceptedDto, headers: commandResponseHeaders })
  async assign(
    @PathParam('customerId', uuidPathParam) customerId: string,
    @Body() body: AssignCustomerGroupsDto,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerCommandAcceptedDto> {
    const result = await this.commands.execute(customerId, request, (now) => ({
      type: 'AssignCustomerGroups',
      data: { customerId, groups: [...body.groups], assignedAt: now },
    }));
    return accepted(reply, result);
  }
}
