import { Body, Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders, PathParam, uuidPathParam } from '@meridian/platform/nest';
import { CommandAcceptedDto, accepted } from '../shared/command-accepted.dto';
import { OpportunityCommands } from '../shared/opportunity-commands.service';
import { ReopenOpportunityDto } from './reopen-opportunity.dto';

@ApiTags('opportunities')
@Controller('api/v1/opportunities')
export class ReopenOpportunityController {
  constructor(private readonly commands: OpportunityCommands) {}

  @Post(':opportunityId/reopen')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Reopen a won or lost opportunity (by default in the stage it was closed from)' })
  @CommandEndpoint()
  @ApiOkResponse({ type: CommandAcceptedDto, headers: commandResponseHeaders })
  async reopen(
    @PathParam('opportunityId', uuidPathParam) opportunityId: string,
    @Body() body: ReopenOpportunityDto,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAcceptedDto> {
    const result = await this.commands.execute(opportunityId, request, (now) => ({
      type: 'ReopenOpportunity',
      data: {
        opportunityId,
        ...(body.toStage === undefined ? {} : { toStage: body.toStage }),
        ...(body.reason === undefined ? {} : { reason: body.reason }),
        reopenedAt: now,
      },
    }));
    return accepted(reply, result);
  }
}
