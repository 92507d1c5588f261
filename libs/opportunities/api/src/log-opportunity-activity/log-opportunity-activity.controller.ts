import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { deterministicUuid } from '@meridian/platform/eventsourcing';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders, PathParam, uuidPathParam } from '@meridian/platform/nest';
import { CommandAcceptedDto, accepted } from '../shared/command-accepted.dto';
import { OpportunityCommands } from '../shared/opportunity-commands.service';
import { LogOpportunityActivityDto } from './log-opportunity-activity.dto';

export class ActivityLoggedDto extends CommandAcceptedDto {
  @ApiProperty({ format: 'uuid' })
  activityId!: string;
}

@ApiTags('opportunities')
@Controller('api/v1/opportunities')
export class LogOpportunityActivityController {
  constructor(private readonly commands: OpportunityCommands) {}

  @Post(':opportunityId/log-activity')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Log a call, email, meeting or note, with an optional next follow-up date' })
  @CommandEndpoint()
  @ApiOkResponse({ type: ActivityLoggedDto, headers: commandResponseHeaders })
  async logActivity(
    @PathParam('opportunityId', uuidPathParam) opportunityId: string,
    @Body() body: LogOpportunityActivityDto,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ActivityLoggedDto> {
    const { tenantId, idempotencyKey } = request.context;
    const activityId = idempotencyKey
      ? deterministicUuid(tenantId, opportunityId, 'log-activity', idempotencyKey)
      : randomUUID();
    const result = await this.commands.execute(opportunityId, request, (now) => ({
      type: 'LogOpportunityActivity',
      data: {
        opportunityId,
        activityId,
        kind: body.kind,
        // Kept as the client wrote it: its offset decides which calendar day the activity fell on.
        occurredAt: body.occurredAt ?? now,
        subject: body.subject,
        ...(body.notes === undefined ? {} : { notes: body.notes }),
        ...(body.nextFollowUpOn === undefined ? {} : { nextFollowUpOn: body.nextFollowUpOn }),
        loggedAt: now,
      },
    }));
    return { ...accepted(reply, result), activityId };
  }
}
