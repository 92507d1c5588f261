import { Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { registerCsvUploads } from './csv-upload.fastify';

/**
 * Registers the CSV body parser when the module is instantiated: with
 * `NestFactory.create` (every host here, through createHttpApp) that is before
 * the routes are registered, which Fastify requires for the per-route body
 * limit. A host that builds its app differently (a Nest testing module given
 * its adapter later) calls `registerCsvUploads` itself before `app.init()`.
 */
@Injectable()
export class CsvUploadRegistration {
  constructor(adapterHost: HttpAdapterHost) {
    const adapter = adapterHost.httpAdapter;
    if (adapter === undefined || adapter === null) {
      new Logger('CustomerImport').warn('no HTTP adapter yet: call registerCsvUploads(fastify) before app.init(), or CSV uploads get 415');
    } else if (adapter.getType() !== 'fastify') {
      new Logger('CustomerImport').warn(`CSV uploads need the Fastify adapter, not ${adapter.getType()}: uploads will get 415`);
    } else {
      registerCsvUploads(adapter.getInstance<FastifyInstance>());
    }
  }
}
