import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { Catch, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem, problemContentType } from '@meridian/platform/nest';
import { ImportFileRejected } from '../csv/import-file.errors';
import { CustomerDirectoryUnavailable } from './customer-import-jobs.service';

/** The upload route takes the file itself as the body, not JSON. */
export class CsvBodyRequired extends Error {
  constructor(readonly contentType: string | undefined) {
    super(`The body must be the CSV file itself, sent as text/csv (got ${contentType ?? 'no Content-Type'})`);
    this.name = 'CsvBodyRequired';
  }
}

/**
 * The importer's own refusals as problem+json, in the platform's shape; every
 * other failure passes on to the host's global ProblemDetailsFilter.
 */
@Catch(ImportFileRejected, CustomerDirectoryUnavailable, CsvBodyRequired)
export class CustomerImportProblemsFilter implements ExceptionFilter {
  private readonly logger = new Logger('CustomerImport');

  catch(error: ImportFileRejected | CustomerDirectoryUnavailable | CsvBodyRequired, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const body =
      error instanceof ImportFileRejected
        ? problem(400, error.code, 'The file cannot be imported', error.message, error.details)
        : error instanceof CsvBodyRequired
          ? problem(415, 'unsupported-media-type', 'Unsupported media type', error.message)
          : problem(503, 'customer-directory-unavailable', 'Customer directory unavailable', error.message);
    if (body.status >= 500) this.logger.warn(error.message);
    void http.getResponse<FastifyReply>().status(body.status).header('Content-Type', problemContentType).send({ ...body, instance: request.url });
  }
}
