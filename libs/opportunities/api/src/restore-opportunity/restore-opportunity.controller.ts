import { Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders, PathParam, uuidPathParam } from '@meridian/platform/nest';
import { CommandAcceptedDto, accepted } from '../shared/command-accepted.dto';
import { OpportunityCommands } from '../shared/opportunity-commands.service';

@ApiTags('opportunities')
@Controller('api/v1/opportunities')
export class RestoreOpportunityController {
  constructor(private readonly commands: OpportunityCommands) {}

  /** No body: restoring says nothing but "back". */
  @Post(':opportunityId/restore')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Restore an archived opportunity exactly as it was archived (same stage); 409 not-archived if it is not archived' })
  @CommandEndpoint()
  @ApiOkResponse({ type: CommandAcceptedDto, headers: commandResponseHeaders })
  async restore(
    @PathParam('opportunityId', uuidPathParam) opportunityId: string,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAcceptedDto> {
    const result = await this.commands.execute(opportunityId, request, (now) => ({
      type: 'RestoreOpportunity',
      data: { opportunityId, restoredAt: now },
    }));
    return accepted(reply, result);
  }
}
