import { Body, Controller, Put, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders, PathParam, uuidPathParam } from '@meridian/platform/nest';
import { CustomerCommandAcceptedDto, accepted } from '../shared/command-accepted.dto';
import { CustomerCommands } from '../shared/customer-commands.service';
import { SetIntentLevelDto } from './set-intent-level.dto';

@ApiTags('customers')
@Controller('api/v1/customers')
export class SetIntentLevelController {
  constructor(private readonly commands: CustomerCommands) {}

  @Put(':customerId/intent')
  @ApiOperation({ summary: 'Set the purchase intent (hot, warm, cold) with a reason; the same level and reason again appends nothing' })
  @CommandEndpoint()
  @ApiOkResponse({ type: CustomerCommandAcceptedDto, headers: commandResponseHeaders })
  async set(
    @PathParam('customerId', uuidPathParam) customerId: string,
    @Body() body: SetIntentLevelDto,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerCommandAcceptedDto> {
    const result = await this.commands.execute(customerId, request, (now) => ({
      type: 'SetIntentLevel',
      data: { customerId, level: body.level, reason: body.reason, setAt: now },
    }));
    return accepted(reply, result);
  }
}
