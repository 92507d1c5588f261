import { Body, Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders, PathParam, uuidPathParam } from '@meridian/platform/nest';
import { CommandAcceptedDto, accepted } from '../shared/command-accepted.dto';
import { OpportunityCommands } from '../shared/opportunity-commands.service';
import { ArchiveOpportunityDto } from './archive-opportunity.dto';

@ApiTags('opportunities')
@Controller('api/v1/opportunities')
export class ArchiveOpportunityController {
  constructor(private readonly commands: OpportunityCommands) {}

  @Post(':opportunityId/archive')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Archive an opportunity in any stage (a junk lead, a duplicate): hidden from the list by default, out of the funnel, ' +
      'and every other command refused with 409 opportunity-archived until it is restored; 409 already-archived if it is',
  })
  @CommandEndpoint()
  @ApiOkResponse({ type: CommandAcceptedDto, headers: commandResponseHeaders })
  async archive(
    @PathParam('opportunityId', uuidPathParam) opportunityId: string,
    @Body() body: ArchiveOpportunityDto,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAcceptedDto> {
    const result = await this.commands.execute(opportunityId, request, (now) => ({
      type: 'ArchiveOpportunity',
      data: { opportunityId, ...(body.reason === undefined ? {} : { reason: body.reason }), archivedAt: now },
    }));
    return accepted(reply, result);
  }
}
