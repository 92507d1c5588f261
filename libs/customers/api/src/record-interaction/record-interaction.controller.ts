import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { deterministicUuid } from '@meridian/platform/eventsourcing';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders, PathParam, uuidPathParam } from '@meridian/platform/nest';
import { accepted } from '../shared/command-accepted.dto';
import { CustomerCommands } from '../shared/customer-commands.service';
import { InteractionAcceptedDto, RecordInteractionDto } from './record-interaction.dto';

@ApiTags('customers')
@Controller('api/v1/customers')
export class RecordInteractionController {
  constructor(private readonly commands: CustomerCommands) {}

  @Post(':customerId/interactions')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Record a call, email, meeting or visit; idempotent by interaction id' })
  @CommandEndpoint()
  @ApiOkResponse({ type: InteractionAcceptedDto, headers: commandResponseHeaders })
  async record(
    @PathParam('customerId', uuidPathParam) customerId: string,
    @Body() body: RecordInteractionDto,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InteractionAcceptedDto> {
    const { tenantId, idempotencyKey } = request.context;
    const interactionId =
      body.interactionId ?? (idempotencyKey ? deterministicUuid(tenantId, customerId, 'record-interaction', idempotencyKey) : randomUUID());
    const result = await this.commands.execute(customerId, request, (now) => ({
      type: 'RecordInteraction',
      data: {
        customerId, interactionId, kind: body.kind, occurredAt: body.occurredAt, summary: body.summary,
        ...(body.contactId === undefined ? {} : { contactId: body.contactId }),
        recordedAt: now,
      },
    }));
    return { ...accepted(reply, result), interactionId };
  }
}
