import { Body, Controller, Put, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandAccepted, commandResponseHeaders } from '@meridian/platform/nest';
import { CustomerCommands } from '../shared/customer-commands.service';
import { SetSegmentPolicyDto } from './set-segment-policy.dto';

export class SegmentPolicyAcceptedDto {
  @ApiProperty({ example: 0, description: 'Revision of the policy stream; also the ETag' }) revision!: number;
  @ApiProperty({ example: 1042 }) position!: number;
  @ApiProperty() replayed!: boolean;
}

@ApiTags('segment policy')
@Controller('api/v1/customers/segment-policy')
export class SetSegmentPolicyController {
  constructor(private readonly commands: CustomerCommands) {}

  @Put()
  @ApiOperation({
    summary: "Set the tenant's value-segment policy",
    description: 'Applies to segments judged from now on (the next order value or sweep); the policy already in force again appends nothing.',
  })
  @CommandEndpoint()
  @ApiOkResponse({ type: SegmentPolicyAcceptedDto, headers: commandResponseHeaders })
  async set(
    @Body() body: SetSegmentPolicyDto,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SegmentPolicyAcceptedDto> {
    const { windowDays, currency, highAverageOrderValue, highPurchaseCount } = body;
    const result = await this.commands.setSegmentPolicy(request, {
      windowDays,
      currency,
      highAverageOrderValue: { amount: highAverageOrderValue.amount, currency: highAverageOrderValue.currency },
      highPurchaseCount,
    });
    return commandAccepted(reply, result);
  }
}
