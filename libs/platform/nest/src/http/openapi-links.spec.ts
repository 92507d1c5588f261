import type { OpenAPIObject } from '@nestjs/swagger';
import { addResponseLinks } from './openapi-links';

const header = (name: string) => ({ name, in: 'header', schema: { type: 'string' } });
const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const answer = (schema: string, headers: object = {}) => ({ description: 'ok', headers, content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } });

const document = (): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/deals': { post: { operationId: 'OpenDeal', parameters: [header('X-Tenant-Id')], responses: { '201': answer('Accepted', { ETag: { schema: { type: 'string' } } }) } } },
    '/deals/{dealId}': { get: { operationId: 'GetDeal', parameters: [header('X-Tenant-Id'), path('dealId')], responses: { '200': answer('Deal') } } },
    '/deals/{dealId}/win': { post: { operationId: 'WinDeal', parameters: [header('X-Tenant-Id'), header('If-Match'), path('dealId')], responses: { '200': answer('Accepted') } } },
    '/deals/{dealId}/notes/{noteId}': { delete: { operationId: 'DropNote', parameters: [path('dealId'), path('noteId')], responses: { '200': answer('Accepted') } } },
  },
  components: { schemas: { Accepted: { type: 'object', properties: { dealId: { type: 'string' }, revision: { type: 'integer' } } }, Deal: { type: 'object', properties: { dealId: { type: 'string' } } } } },
}) as unknown as OpenAPIObject;

describe('response links', () => {
  it('link an answer carrying an id to the operations on that id, with its ETag as If-Match and the same tenant', () => {
    const linked = document();
    addResponseLinks(linked);
    expect(linked.paths['/deals']!.post!.responses['201']).toMatchObject({
      links: {
        GetDeal: { operationId: 'GetDeal', parameters: { 'path.dealId': '$response.body#/dealId', 'header.X-Tenant-Id': '$request.header.X-Tenant-Id' } },
        WinDeal: { operationId: 'WinDeal', parameters: { 'path.dealId': '$response.body#/dealId', 'header.If-Match': '$response.header.ETag', 'header.X-Tenant-Id': '$request.header.X-Tenant-Id' } },
      },
    });
  });

  it('leave out operations whose path needs a value the answer does not carry, and pass no ETag the answer has not', () => {
    const linked = document();
    addResponseLinks(linked);
    const links = (linked.paths['/deals']!.post!.responses['201'] as { links: Record<string, unknown> }).links;
    expect(Object.keys(links)).not.toContain('DropNote');
    const fromRead = (linked.paths['/deals/{dealId}']!.get!.responses['200'] as { links: Record<string, { parameters: object }> }).links;
    expect(fromRead.WinDeal!.parameters).not.toHaveProperty('header.If-Match');
    expect(Object.keys(fromRead)).not.toContain('GetDeal');
  });
});
