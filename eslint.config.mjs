// Layer rules are enforced here, not by convention: domain, contracts and the
// event-sourcing core must stay free of infrastructure (docs/architecture.md, ADR-1).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';

const infrastructurePackages = [
  '@nestjs/*', 'fastify', '@fastify/*', 'kafkajs', 'mongoose', 'mongodb', '@eventstore/*', '@kurrent/*',
  'opossum', 'prom-client', '@opentelemetry/*', 'pg', '@electric-sql/*', 'class-validator',
  'class-transformer', 'testcontainers', '@testcontainers/*',
];

const tagRules = [
  { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:core'], bannedExternalImports: infrastructurePackages },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:core', 'type:contracts'], bannedExternalImports: infrastructurePackages },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:core', 'type:contracts', 'type:domain'], bannedExternalImports: infrastructurePackages },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:core', 'type:infra'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:core', 'type:infra', 'type:testing'] },
  { sourceTag: 'type:read-model', onlyDependOnLibsWithTags: ['type:core', 'type:contracts', 'type:infra', 'type:read-model'] },
  { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:core', 'type:contracts', 'type:domain', 'type:infra', 'type:read-model', 'type:feature'] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:core', 'type:contracts', 'type:domain', 'type:infra', 'type:read-model', 'type:feature'] },
  // Only contracts cross a context boundary (docs/architecture.md, ADR-1): a context may use
  // another context's public event contracts, never its domain or features.
  { sourceTag: 'scope:opportunities', onlyDependOnLibsWithTags: ['scope:opportunities', 'scope:platform', 'type:contracts'] },
  { sourceTag: 'scope:customers', onlyDependOnLibsWithTags: ['scope:customers', 'scope:platform', 'type:contracts'] },
  { sourceTag: 'scope:orders', onlyDependOnLibsWithTags: ['scope:orders', 'scope:platform', 'type:contracts'] },
  { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:platform'] },
];

/** Tests (and only tests) may also use the testing libraries. */
const boundaries = (forTests) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: forTests
      ? tagRules.map((rule) => (rule.onlyDependOnLibsWithTags && rule.sourceTag.startsWith('type:')
        ? { ...rule, onlyDependOnLibsWithTags: [...rule.onlyDependOnLibsWithTags, 'type:testing'] }
        : rule))
      : tagRules,
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.nx/**', '.meridian-data/**', '.infra/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    // Nest reads constructor and parameter types at run time (decorator
    // metadata); telling the parser keeps consistent-type-imports from turning
    // those into type-only imports, which would silently break injection.
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
      '@nx/enforce-module-boundaries': boundaries(false),
    },
  },
  {
    files: ['**/*.spec.ts', '**/testing/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(true) },
  },
  {
    // Belt and braces for the pure layers: this rule needs no project graph and
    // also catches packages the graph does not know yet (not installed).
    files: ['libs/*/domain/**/*.ts', 'libs/*/contracts/**/*.ts', 'libs/platform/eventsourcing/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: infrastructurePackages, message: 'Domain, contracts and the event-sourcing core stay free of infrastructure (docs/architecture.md, ADR-1).' }],
      }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
