import { Controller, Get, Inject, Param, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { EventStore } from '@meridian/platform/eventsourcing';
import { AggregateNotFound } from '@meridian/platform/eventsourcing';
import { EVENT_STORE, QueryEndpoint, TenantId } from '@meridian/platform/nest';
import { customerImportStreamId } from '@meridian/customers/domain';
import { importRowOutcomes } from '../job/customer-import.report';
import { CustomerImportStream } from '../job/customer-import.stream';
import { CustomerImportIdPipe } from './customer-import-id.pipe';
import { CustomerImportJobs } from './customer-import-jobs.service';
import { CustomerImportView, toCustomerImportView } from './customer-import.view';
import { defaultReportPageSize, maxReportPageSize, parseReportPageQuery } from './import-query.parse';

@ApiTags('customers')
@Controller('api/v1/customers/imports')
export class GetCustomerImportController {
  constructor(
    private readonly jobs: CustomerImportJobs,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get(':importId')
  @ApiOperation({ summary: "An import job's status, counts and report (from its stream: strongly consistent), one page of rows at a time" })
  @QueryEndpoint()
  @ApiQuery({ name: 'fromRow', required: false, type: Number, description: 'First row of the page (default 1); use nextFromRow' })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: `Rows per page, 1-${maxReportPageSize}, default ${defaultReportPageSize}` })
  @ApiQuery({ name: 'outcome', required: false, enum: importRowOutcomes, description: 'Only rows with this outcome' })
  @ApiOkResponse({ type: CustomerImportView })
  async get(
    @Param('importId', CustomerImportIdPipe) importId: string,
    @TenantId() tenantId: string,
    @Req() request: FastifyRequest,
  ): Promise<CustomerImportView> {
    const page = parseReportPageQuery(request);
    const stream = await CustomerImportStream.load(this.store, tenantId, importId);
    if (stream.state.status === 'absent') throw new AggregateNotFound(customerImportStreamId(importId));
    return toCustomerImportView(stream, page, this.jobs.local(importId));
  }
}
