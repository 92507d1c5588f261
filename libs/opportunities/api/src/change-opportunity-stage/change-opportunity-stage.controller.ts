import { Body, Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders, PathParam, uuidPathParam } from '@meridian/platform/nest';
import { CommandAcceptedDto, accepted } from '../shared/command-accepted.dto';
import { OpportunityCommands } from '../shared/opportunity-commands.service';
import { ChangeOpportunityStageDto } from './change-opportunity-stage.dto';

@ApiTags('opportunities')
@Controller('api/v1/opportunities')
export class ChangeOpportunityStageController {
  constructor(private readonly commands: OpportunityCommands) {}

  @Post(':opportunityId/change-stage')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Move the deal to another stage, or close it as won or lost',
    description: 'lead → qualified → proposal → negotiation → won | lost. Lost needs a reason; won records the final amount. A closed deal changes no more until reopened.',
  })
  @CommandEndpoint()
  @ApiOkResponse({ type: CommandAcceptedDto, headers: commandResponseHeaders })
  async changeStage(
    @PathParam('opportunityId', uuidPathParam) opportunityId: string,
    @Body() body: ChangeOpportunityStageDto,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAcceptedDto> {
    const result = await this.commands.execute(opportunityId, request, (now) => ({
      type: 'ChangeOpportunityStage',
      data: {
        opportunityId,
        toStage: body.toStage,
        ...(body.lostReason === undefined ? {} : { lostReason: body.lostReason }),
        ...(body.finalAmount === undefined ? {} : { finalAmount: { amount: body.finalAmount.amount, currency: body.finalAmount.currency } }),
        changedAt: now,
      },
    }));
    return accepted(reply, result);
  }
}
