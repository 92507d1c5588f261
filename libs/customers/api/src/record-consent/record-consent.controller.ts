import { Body, Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders, PathParam, uuidPathParam } from '@meridian/platform/nest';
import { CustomerCommandAcceptedDto, accepted } from '../shared/command-accepted.dto';
import { CustomerCommands } from '../shared/customer-commands.service';
import { RecordConsentDto } from './record-consent.dto';

@ApiTags('customers')
@Controller('api/v1/customers')
export class RecordConsentController {
  constructor(private readonly commands: CustomerCommands) {}

  @Post(':customerId/consents')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Record a consent statement (given or withdrawn) for one purpose',
    description: 'Every statement is recorded, repeats included: the trail is the point. Send an Idempotency-Key to make a retry safe.',
  })
  @CommandEndpoint()
  @ApiOkResponse({ type: CustomerCommandAcceptedDto, headers: commandResponseHeaders })
  async record(
    @PathParam('customerId', uuidPathParam) customerId: string,
    @Body() body: RecordConsentDto,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerCommandAcceptedDto> {
    const result = await this.commands.execute(customerId, request, (now) => ({
      type: 'RecordConsent',
      data: { customerId, purpose: body.purpose, granted: body.granted, source: body.source, recordedAt: now },
    }));
    return accepted(reply, result);
  }
}
