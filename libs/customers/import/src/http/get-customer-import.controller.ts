import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { EventStore } from '@meridian/platform/eventsourcing';
import { AggregateNotFound } from '@meridian/platform/eventsourcing';
import { EVENT_STORE, PathParam, QueryEndpoint, TenantId, uuidPathParam } from '@meridian/platform/nest';
import { customerImportStreamId } from '@meridian/customers/domain';
import { CustomerImportStream } from '../job/customer-import.stream';
import { CustomerImportJobs } from './customer-import-jobs.service';
import { CustomerImportView, toCustomerImportView } from './customer-import.view';
import { parseReportPageQuery, reportPageQuery } from './import-query.parse';

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
  @reportPageQuery.documented()
  @ApiOkResponse({ type: CustomerImportView })
  async get(
    @PathParam('importId', uuidPathParam) importId: string,
    @TenantId() tenantId: string,
    @Req() request: FastifyRequest,
  ): Promise<CustomerImportView> {
    const page = parseReportPageQuery(request);
    const stream = await CustomerImportStream.load(this.store, tenantId, importId);
    if (stream.state.status === 'absent') throw new AggregateNotFound(customerImportStreamId(importId));
    return toCustomerImportView(stream, page, this.jobs.local(importId));
  }
}
