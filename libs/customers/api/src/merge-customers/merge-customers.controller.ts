import { Body, Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders, PathParam, uuidPathParam } from '@meridian/platform/nest';
import { CustomerCommands } from '../shared/customer-commands.service';
import { LineageChangedDto, lineageChanged } from '../shared/lineage-changed.dto';
import { MergeCustomersDto } from './merge-customers.dto';

@ApiTags('customers')
@Controller('api/v1/customers')
export class MergeCustomersController {
  constructor(private readonly commands: CustomerCommands) {}

  @Post(':customerId/merges')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Merge another customer into this one (the survivor)',
    description:
      'Marks the merged customer first, then records the absorption on the survivor; if the survivor refuses, the mark is undone and its refusal answered. ' +
      'Safe to retry, best with an Idempotency-Key. If-Match applies to the survivor.',
  })
  @CommandEndpoint()
  @ApiOkResponse({ type: LineageChangedDto, headers: commandResponseHeaders })
  async merge(
    @PathParam('customerId', uuidPathParam) survivorId: string,
    @Body() body: MergeCustomersDto,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LineageChangedDto> {
    const outcome = await this.commands.merge(request, {
      survivorId,
      mergedCustomerId: body.mergedCustomerId.toLowerCase(),
      ...(body.reason === undefined ? {} : { reason: body.reason }),
    });
    return lineageChanged(reply, outcome);
  }
}
