import { Body, Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders, PathParam, uuidPathParam } from '@meridian/platform/nest';
import { CommandAcceptedDto, accepted } from '../shared/command-accepted.dto';
import { OpportunityCommands } from '../shared/opportunity-commands.service';
import { ReassignOpportunityOwnerDto } from './reassign-opportunity-owner.dto';

@ApiTags('opportunities')
@Controller('api/v1/opportunities')
export class ReassignOpportunityOwnerController {
  constructor(private readonly commands: OpportunityCommands) {}

  @Post(':opportunityId/reassign-owner')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Hand the opportunity to another sales rep' })
  @CommandEndpoint()
  @ApiOkResponse({ type: CommandAcceptedDto, headers: commandResponseHeaders })
  async reassignOwner(
    @PathParam('opportunityId', uuidPathParam) opportunityId: string,
    @Body() body: ReassignOpportunityOwnerDto,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAcceptedDto> {
    const result = await this.commands.execute(opportunityId, request, (now) => ({
      type: 'ReassignOpportunityOwner',
      data: { opportunityId, newOwnerId: body.newOwnerId, reassignedAt: now },
    }));
    return accepted(reply, result);
  }
}
