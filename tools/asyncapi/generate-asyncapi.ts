import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { AsyncApiContext } from './asyncapi-context';
import type { AsyncApiDocument } from './asyncapi.types';
import { buildContextAsyncApi } from './context-asyncapi';

/**
 * The repository runs TypeScript through SWC (build) and @swc/jest (tests), with
 * no TS loader for plain `node`; so the generator runs inside the spec, which
 * rewrites the files when this variable is set and otherwise fails on any drift.
 */
export const updateAsyncApiVariable = 'UPDATE_ASYNCAPI';

export const regenerateAsyncApiCommand = `${updateAsyncApiVariable}=1 npm run jest -- tools/asyncapi --selectProjects unit`;

/** `docs/asyncapi/<context>.asyncapi.yaml`. */
export const asyncApiPathOf = (context: AsyncApiContext): string => join(__dirname, `../../docs/asyncapi/${context.name}.asyncapi.yaml`);

const bannerOf = (context: AsyncApiContext): string =>
  [
    '# GENERATED FILE - do not edit by hand.',
    '# Built from the code by tools/asyncapi/context-asyncapi.ts (contexts: tools/asyncapi/asyncapi-contexts.ts): event contracts',
    `# from ${context.contractsLibrary}, CloudEvents and dead-letter headers and topic defaults from`,
    '# libs/platform/kafka and libs/platform/projections.',
    `# Regenerate: ${regenerateAsyncApiCommand}`,
    '# tools/asyncapi/asyncapi-documents.spec.ts fails while this file differs from the code.',
  ].join('\n');

/**
 * Deterministic text that every YAML reader loads the same: no anchors or
 * aliases for the schema nodes the contracts share (each payload reads on its
 * own), and scalars quoted by YAML 1.1 rules, so readers still on 1.1 (js-yaml,
 * PyYAML) keep `2026-03-01T09:00:00.000Z` or `on` as strings rather than a
 * date or a boolean.
 */
export const renderAsyncApiYaml = (context: AsyncApiContext, document: AsyncApiDocument): string =>
  `${bannerOf(context)}\n${stringify(document, { aliasDuplicateObjects: false, lineWidth: 120, version: '1.1' })}`;

export const writeAsyncApi = (context: AsyncApiContext): void => {
  writeFileSync(asyncApiPathOf(context), renderAsyncApiYaml(context, buildContextAsyncApi(context)));
};
