import { Controller, Delete, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders, PathParam, uuidPathParam } from '@meridian/platform/nest';
import { CustomerCommands } from '../shared/customer-commands.service';
import { LineageChangedDto, lineageChanged } from '../shared/lineage-changed.dto';

@ApiTags('customers')
@Controller('api/v1/customers')
export class UnmergeCustomersController {
  constructor(private readonly commands: CustomerCommands) {}

  @Delete(':customerId/merges/:mergedCustomerId')
  @ApiOperation({
    summary: 'Undo a merge: the survivor gives the merged customer back, which then stands on its own again',
    description: 'Only a customer this one absorbed (unmerge-not-allowed otherwise). Safe to retry. If-Match applies to the survivor.',
  })
  @CommandEndpoint()
  @ApiOkResponse({ type: LineageChangedDto, headers: commandResponseHeaders })
  async unmerge(
    @PathParam('customerId', uuidPathParam) survivorId: string,
    @PathParam('mergedCustomerId', uuidPathParam) unmergedCustomerId: string,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LineageChangedDto> {
    return lineageChanged(reply, await this.commands.unmerge(request, { survivorId, unmergedCustomerId }));
  }
}
