import { Controller, Inject, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EventStore } from '@meridian/platform/eventsourcing';
import type { CommandRequest } from '@meridian/platform/nest';
import { CommandRequestContext, EVENT_STORE } from '@meridian/platform/nest';
import { ImportFileRejected, importFileProblemCodes } from '../csv/import-file.errors';
import { importFileSchema } from '../csv/import-file.schema';
import { CustomerImportStream } from '../job/customer-import.stream';
import { CsvUpload } from './csv-upload.fastify';
import { CustomerImportJobs } from './customer-import-jobs.service';
import { CustomerImportProblemsFilter, CsvBodyRequired } from './customer-import-problems.filter';
import { CustomerImportView, toCustomerImportView } from './customer-import.view';
import { ImportUploadEndpoint } from './customer-import.openapi';
import { defaultReportPageSize, parseStartImportQuery, startImportQuery } from './import-query.parse';

/** Room for 50,000 rows of generous width; the host's 1 MiB limit stays on every other route. */
export const maxImportFileBytes = 32 * 1024 * 1024;

export const customerImportsPath = '/api/v1/customers/imports';

@ApiTags('customers')
@Controller('api/v1/customers/imports')
@UseFilters(CustomerImportProblemsFilter)
export class StartCustomerImportController {
  constructor(
    private readonly jobs: CustomerImportJobs,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Post()
  @CsvUpload(maxImportFileBytes)
  @ApiOperation({
    summary: 'Import customers from a CSV file (runs in the background)',
    description:
      'Header row required: name, region, ownerId (required), kind, industry, size, sourceChannel, emails, phones (several separated by ";"); ' +
      'an unknown column refuses the file. Each row is validated, checked against earlier rows of the file and against existing customers ' +
      '(same email or phone: a duplicate, not registered), and imported in batches. The job id derives from the tenant and the file bytes: ' +
      'uploading the same file again returns the finished report (200, nothing appended), the running job (202), or resumes a job whose process died (202).',
  })
  @ImportUploadEndpoint()
  @ApiConsumes('text/csv')
  @ApiBody({ schema: importFileSchema })
  @startImportQuery.documented()
  @ApiAcceptedResponse({ type: CustomerImportView, description: 'Started, resumed or already running: poll the Location', headers: { Location: { schema: { type: 'string' } } } })
  @ApiOkResponse({ type: CustomerImportView, description: 'This file was imported before: its report (first page); nothing was appended' })
  async start(@CommandRequestContext() command: CommandRequest, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const query = parseStartImportQuery(request);
    const body: unknown = request.body;
    if (body === undefined || (Buffer.isBuffer(body) && body.length === 0)) {
      throw new ImportFileRejected(importFileProblemCodes.empty, 'The file is empty');
    }
    if (!Buffer.isBuffer(body)) throw new CsvBodyRequired(request.headers['content-type']);
    const { importId, outcome } = await this.jobs.submit({ bytes: body, ...query, context: command.context });
    const stream = await CustomerImportStream.load(this.store, command.context.tenantId, importId);
    const view = toCustomerImportView(stream, { fromRow: 1, limit: defaultReportPageSize }, this.jobs.local(importId));
    void reply
      .status(outcome === 'completed' ? 200 : 202)
      .header('Location', `${customerImportsPath}/${importId}`)
      .send(view);
  }
}
