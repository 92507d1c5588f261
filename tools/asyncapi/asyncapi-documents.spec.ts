import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { publicCatalogues } from '@meridian/contexts/catalogues';
import { asyncApiContexts } from './asyncapi-contexts';
import { compileAsyncApi300Validator, errorsOf } from './asyncapi-validator';
import { buildContextAsyncApi, publishEventsOperationOf } from './context-asyncapi';
import { asyncApiPathOf, regenerateAsyncApiCommand, renderAsyncApiYaml, updateAsyncApiVariable, writeAsyncApi } from './generate-asyncapi';
import { contractTypesOf } from './asyncapi-context';

const contexts = asyncApiContexts.map((context) => ({ name: context.name, context, document: buildContextAsyncApi(context) }));

describe('the contexts with a document', () => {
  it('each own a distinct name, topic and stream categories', () => {
    const distinct = (values: readonly string[]): boolean => new Set(values).size === values.length;
    expect(distinct(contexts.map(({ name }) => name))).toBe(true);
    expect(distinct(contexts.map(({ context }) => context.catalogue.topic))).toBe(true);
    expect(distinct(contexts.flatMap(({ context }) => context.catalogue.streamCategories))).toBe(true);
  });

  it('are exactly the catalogues the relay publishes, so a new context fails here until it has a document', () => {
    expect(contexts.map(({ context }) => context.catalogue.topic).sort()).toEqual(publicCatalogues.map(({ topic }) => topic).sort());
    for (const { context } of contexts) expect(publicCatalogues).toContain(context.catalogue);
  });
});

describe.each(contexts)('docs/asyncapi/$name.asyncapi.yaml', ({ context, document }) => {
  const path = asyncApiPathOf(context);

  beforeAll(() => {
    if (process.env[updateAsyncApiVariable] === '1') writeAsyncApi(context);
  });

  it('is exactly the document built from the code', () => {
    const expected = renderAsyncApiYaml(context, document);
    const committed = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (committed !== expected) {
      const [have, want] = [committed.split('\n'), expected.split('\n')];
      const differs = want.findIndex((text, index) => have[index] !== text);
      const line = differs === -1 ? want.length : differs;
      throw new Error(
        `${path} is stale (first difference at line ${line + 1}: "${have[line] ?? '<end of file>'}" should be "${want[line] ?? '<end of file>'}").\n` +
          `Regenerate it with: ${regenerateAsyncApiCommand}`,
      );
    }
    expect(parse(committed)).toEqual(document);
  });
});

describe.each(contexts)('the $name document against the official AsyncAPI 3.0.0 JSON Schema', ({ context, document }) => {
  const validate = compileAsyncApi300Validator();
  const { topic } = context.catalogue;
  const operation = publishEventsOperationOf(context);
  const [firstType] = contractTypesOf(context);

  it('is valid', () => {
    expect(validate(document) ? '' : errorsOf(validate)).toBe('');
  });

  /** Each breaks one rule of the schema, and must be rejected at that spot: otherwise "valid" would mean nothing. */
  const broken: [string, readonly string[], unknown, string][] = [
    ['a channel address that is not a string', ['channels', topic, 'address'], 9092, `/channels/${topic}/address must be string,null`],
    ['an operation action AsyncAPI 3 removed', ['operations', operation, 'action'], 'publish', `/operations/${operation}/action must be equal to one of the allowed values`],
    ['a Kafka topic binding with zero partitions', ['channels', topic, 'bindings', 'kafka', 'partitions'], 0, `/channels/${topic}/bindings/kafka/partitions must be >= 1`],
    ['a message field the spec does not define', ['components', 'messages', firstType, 'key'], 'x', `/components/messages/${firstType} must NOT have additional properties`],
    ['no info version', ['info', 'version'], undefined, "/info must have required property 'version'"],
  ];
  it.each(broken)('rejects %s (so the check can fail)', (_name, path, value, expectedError) => {
    const copy = structuredClone(document) as unknown;
    const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], copy) as Record<string, unknown>;
    const last = path[path.length - 1];
    if (value === undefined) delete parent[last];
    else parent[last] = value;
    expect(validate(copy)).toBe(false);
    expect(errorsOf(validate).split('\n')).toContain(expectedError);
  });
});
