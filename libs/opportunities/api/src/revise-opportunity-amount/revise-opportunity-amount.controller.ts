import { Body, Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders, PathParam, uuidPathParam } from '@meridian/platform/nest';
import { CommandAcceptedDto, accepted } from '../shared/command-accepted.dto';
import { OpportunityCommands } from '../shared/opportunity-commands.service';
import { ReviseOpportunityAmountDto } from './revise-opportunity-amount.dto';

@ApiTags('opportunities')
@Controller('api/v1/opportunities')
export class ReviseOpportunityAmountController {
  constructor(private readonly commands: OpportunityCommands) {}

  @Post(':opportunityId/revise-amount')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Revise the expected deal amount of an open opportunity' })
  @CommandEndpoint()
  @ApiOkResponse({ type: CommandAcceptedDto, headers: commandResponseHeaders })
  async reviseAmount(
    @PathParam('opportunityId', uuidPathParam) opportunityId: string,
    @Body() body: ReviseOpportunityAmountDto,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAcceptedDto> {
    const result = await this.commands.execute(opportunityId, request, (now) => ({
      type: 'ReviseOpportunityAmount',
      data: { opportunityId, amount: { amount: body.amount.amount, currency: body.amount.currency }, revisedAt: now },
    }));
    return accepted(reply, result);
  }
}
