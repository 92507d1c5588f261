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
      if (Object.keys(links).length > 0) (response as { links?: unknown }).links = links;
    }
  }
};
