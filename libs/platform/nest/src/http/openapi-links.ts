import type { OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ParameterObject, ReferenceObject, ResponseObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * Response links (OpenAPI §4.8.20): how the answer of one operation feeds the
 * next. A command or read answering `customerId` links to every operation on
 * `/customers/{customerId}…` whose path parameters its body carries, passing
 * the ids, the answer's ETag as If-Match (so the next change is conditional
 * on what was just seen) and the tenant the first request acted for. Client
 * generators and stateful fuzzers chain create → read → change from them.
 */
const methods = ['get', 'put', 'post', 'delete', 'patch'] as const;

type Operation = Readonly<{ path: string; method: string; operation: OperationObject }>;

const operationsOf = (document: OpenAPIObject): Operation[] =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    methods.flatMap((method) => (item[method] ? [{ path, method, operation: item[method] as OperationObject }] : [])),
  );

/** `/api/v1/customers/{customerId}/tags` → `customers`: ids only link within their own collection. */
const collectionOf = (path: string): string => path.split('/').filter((segment) => segment !== '' && segment !== 'api' && !/^v[0-9]+$/.test(segment))[0] ?? '';

const parametersOf = (operation: OperationObject, location: string): string[] =>
  (operation.parameters ?? []).filter((p): p is ParameterObject => !('$ref' in p) && p.in === location).map((p) => p.name);

const bodyPropertiesOf = (response: ResponseObject, document: OpenAPIObject): string[] => {
  const schema = response.content?.['application/json']?.schema as SchemaObject | ReferenceObject | undefined;
  if (!schema || !('$ref' in schema)) return [];
  const named = document.components?.schemas?.[schema.$ref.split('/').pop() ?? ''] as SchemaObject | undefined;
  return Object.keys(named?.properties ?? {});
};

export const addResponseLinks = (document: OpenAPIObject): void => {
  const operations = operationsOf(document);
  for (const source of operations) {
    for (const [status, response] of Object.entries(source.operation.responses ?? {})) {
      if (!status.startsWith('2') || !response || '$ref' in response) continue;
      const carried = bodyPropertiesOf(response, document);
      const etag = Object.keys(response.headers ?? {}).includes('ETag');
      const links: Record<string, unknown> = {};
      for (const target of operations) {
        const pathParameters = parametersOf(target.operation, 'path');
        if (target === source || pathParameters.length === 0 || !pathParameters.every((name) => carried.includes(name))) continue;
        // A deal's customerId is another context's reference, not necessarily a customer of this API.
        if (collectionOf(target.path) !== collectionOf(source.path)) continue;
        const headers = parametersOf(target.operation, 'header');
        links[target.operation.operationId ?? `${target.method} ${target.path}`] = {
          operationId: target.operation.operationId,
          parameters: {
            ...Object.fromEntries(pathParameters.map((name) => [`path.${name}`, `$response.body#/${name}`])),
            ...(etag && headers.includes('If-Match') ? { 'header.If-Match': '$response.header.ETag' } : {}),
            ...(headers.includes('X-Tenant-Id') ? { 'header.X-Tenant-Id': '$request.header.X-Tenant-Id' } : {}),
          },
        };
      }
      // A page links to the next one: its cursor is the only way to get a valid one.
      for (const [field, parameter] of [['nextCursor', 'cursor'], ['next', 'before']] as const) {
        if (carried.includes(field) && parametersOf(source.operation, 'query').includes(parameter)) {
          links[`${source.operation.operationId ?? source.path}NextPage`] = {
            operationId: source.operation.operationId,
            parameters: {
              ...Object.fromEntries(parametersOf(source.operation, 'path').map((name) => [`path.${name}`, `$request.path.${name}`])),
              [`query.${parameter}`]: `$response.body#/${field}`,
            },
          };
        }
      }
      if (Object.keys(links).length > 0) (response as { links?: unknown }).links = links;
    }
  }
};
