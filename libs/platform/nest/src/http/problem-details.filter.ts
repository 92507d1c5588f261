import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { Catch, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from './problem-mapping';
import { problemContentType } from './problem-details';
import { ReadStoreUnavailable } from './read-your-writes';
import { MethodNotAllowed } from './method-not-allowed';

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = { ...toProblem(error), instance: request.url };
    // Unexpected failures get a stack trace; expected 503s (read model behind, store down) one warning line.
    if (body.code === 'internal-error') this.logger.error(error instanceof Error ? error.stack ?? error.message : String(error));
    else if (body.status >= 500) this.logger.warn(`${body.detail}${error instanceof ReadStoreUnavailable ? ` (${String(error.reason)})` : ''}`);
    if (['concurrent-modification', 'read-model-behind', 'read-store-unavailable', 'not-ready'].includes(body.code)) void reply.header('Retry-After', '1');
    if (error instanceof MethodNotAllowed) void reply.header('Allow', error.allowed.join(', '));
    void reply.status(body.status).header('Content-Type', problemContentType).send(body);
  }
}
