import { Body, Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders, PathParam, uuidPathParam } from '@meridian/platform/nest';
import { CommandAcceptedDto, accepted } from '../shared/command-accepted.dto';
import { OpportunityCommands } from '../shared/opportunity-commands.service';
import { RescheduleOpportunityCloseDto } from './reschedule-opportunity-close.dto';

@ApiTags('opportunities')
@Controller('api/v1/opportunities')
export class RescheduleOpportunityCloseController {
  constructor(private readonly commands: OpportunityCommands) {}

  @Post(':opportunityId/reschedule-close')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Move the expected close date of an open opportunity' })
  @CommandEndpoint()
  @ApiOkResponse({ type: CommandAcceptedDto, headers: commandResponseHeaders })
  async rescheduleClose(
    @PathParam('opportunityId', uuidPathParam) opportunityId: string,
    @Body() body: RescheduleOpportunityCloseDto,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAcceptedDto> {
    const result = await this.commands.execute(opportunityId, request, (now) => ({
      type: 'RescheduleOpportunityClose',
      data: { opportunityId, expectedCloseDate: body.expectedCloseDate, rescheduledAt: now },
    }));
    return accepted(reply, result);
  }
}
