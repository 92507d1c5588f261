import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { deterministicUuid } from '@meridian/platform/eventsourcing';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders } from '@meridian/platform/nest';
import { CommandAcceptedDto, accepted } from '../shared/command-accepted.dto';
import { OpportunityCommands } from '../shared/opportunity-commands.service';
import { OpenOpportunityDto } from './open-opportunity.dto';

@ApiTags('opportunities')
@Controller('api/v1/opportunities')
export class OpenOpportunityController {
  constructor(private readonly commands: OpportunityCommands) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Open an opportunity in the lead stage' })
  @CommandEndpoint({ creates: true })
  @ApiCreatedResponse({
    type: CommandAcceptedDto,
    description: 'Opened',
    headers: { ...commandResponseHeaders, Location: { description: 'URL of the new opportunity', schema: { type: 'string' } } },
  })
  async open(
    @Body() body: OpenOpportunityDto,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAcceptedDto> {
    // With an Idempotency-Key the new id is derived from it, so a retry lands on
    // the same stream and finds its first result there instead of opening a twin.
    const { tenantId, idempotencyKey } = request.context;
    const opportunityId = idempotencyKey ? deterministicUuid(tenantId, 'open-opportunity', idempotencyKey) : randomUUID();
    // If-Match has nothing to match on a resource that does not exist yet: ignored here.
    const result = await this.commands.execute(opportunityId, { context: request.context }, (now) => ({
      type: 'OpenOpportunity',
      data: {
        opportunityId,
        customerId: body.customerId,
        name: body.name,
        ownerId: body.ownerId,
        amount: { amount: body.amount.amount, currency: body.amount.currency },
        expectedCloseDate: body.expectedCloseDate,
        sourceChannel: body.sourceChannel,
        productLine: body.productLine,
        region: body.region,
        openedAt: now,
      },
    }));
    void reply.header('Location', `/api/v1/opportunities/${opportunityId}`);
    return accepted(reply, result);
  }
}
