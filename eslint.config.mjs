// Layer rules are enforced here, not by convention: domain, contracts and the
// event-sourcing core must stay free of infrastructure (CONVENTIONS.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';

const infrastructurePackages = [
  '@nestjs/*', 'fastify', '@fastify/*', 'kafkajs', 'mongoose', 'mongodb', '@eventstore/*', '@kurrent/*',
  'opossum', 'prom-client', '@opentelemetry/*', 'pg', '@electric-sql/*', 'class-validator',
  'class-transformer', 'testcontainers', '@testcontainers/*',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.nx/**', '.meridian-data/**', '.infra/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:core'], bannedExternalImports: infrastructurePackages },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:core', 'type:contracts'], bannedExternalImports: infrastructurePackages },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:core', 'type:contracts', 'type:domain'], bannedExternalImports: infrastructurePackages },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:core', 'type:infra'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:core', 'type:infra', 'type:testing'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:core', 'type:contracts', 'type:domain', 'type:infra', 'type:feature', 'type:testing'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:core', 'type:contracts', 'type:domain', 'type:infra', 'type:feature', 'type:testing'] },
            { sourceTag: 'scope:opportunities', onlyDependOnLibsWithTags: ['scope:opportunities', 'scope:platform'] },
            { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:platform'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
