import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { csvUploadRouteConfig, registerCsvUploads } from './csv-upload.fastify';

const limit = 1_000;

const app = async (): Promise<FastifyInstance> => {
  const fastify = Fastify({ bodyLimit: 100 });
  registerCsvUploads(fastify);
  registerCsvUploads(fastify); // a host calling it as well as the module: harmless
  fastify.post('/upload', { config: csvUploadRouteConfig(limit) }, async (request) => ({ isBuffer: Buffer.isBuffer(request.body), bytes: (request.body as Buffer).length }));
  fastify.post('/other', async () => ({ ok: true }));
  await fastify.ready();
  return fastify;
};

const post = (fastify: FastifyInstance, url: string, contentType: string, body: string) =>
  fastify.inject({ method: 'POST', url, headers: { 'content-type': contentType }, payload: body });

describe('registerCsvUploads', () => {
  it('hands a marked route the raw bytes of a text/csv body, with parameters or as application/csv', async () => {
    const fastify = await app();
    for (const type of ['text/csv', 'text/csv; charset=utf-8', 'application/csv']) {
      const response = await post(fastify, '/upload', type, 'a,b\n1,2\n');
      expect(response.json()).toEqual({ isBuffer: true, bytes: 8 });
    }
    await fastify.close();
  });

  it("gives the marked route its own body limit and leaves the host's on the others", async () => {
    const fastify = await app();
    expect((await post(fastify, '/upload', 'text/csv', 'x'.repeat(limit))).statusCode).toBe(200);
    expect((await post(fastify, '/upload', 'text/csv', 'x'.repeat(limit + 1))).statusCode).toBe(413);
    expect((await post(fastify, '/other', 'application/json', JSON.stringify({ pad: 'x'.repeat(200) }))).statusCode).toBe(413);
    await fastify.close();
  });

  it('refuses CSV on a route that does not take it', async () => {
    const fastify = await app();
    expect((await post(fastify, '/other', 'text/csv', 'a,b\n')).statusCode).toBe(415);
    await fastify.close();
  });
});
