import { Controller, Delete, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandEndpoint, CommandRequestContext, commandResponseHeaders } from '@meridian/platform/nest';
import { CustomerCommands } from '../shared/customer-commands.service';
import { LineageChangedDto, lineageChanged } from '../shared/lineage-changed.dto';
import { CustomerIdPipe, MergedCustomerIdPipe } from '../shared/path-params.pipe';

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
    @Param('customerId', CustomerIdPipe) survivorId: string,
    @Param('mergedCustomerId', MergedCustomerIdPipe) unmergedCustomerId: string,
    @CommandRequestContext() request: CommandRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LineageChangedDto> {
    return lineageChanged(reply, await this.commands.unmerge(request, { survivorId, unmergedCustomerId }));
  }
}
