import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The layer rules are only worth something if the linter really enforces them:
 * without a computed Nx project graph the boundary rule silently does nothing.
 * This lints forbidden imports as if they sat in the domain and contracts libs.
 */
const root = join(__dirname, '../..');

const lintAs = (filePath: string, source: string) => {
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', join(root, filePath), '--format', 'json'],
    { cwd: root, input: source, encoding: 'utf8' },
  );
  const [report] = JSON.parse(result.stdout) as [{ messages: { ruleId: string; message: string }[] }];
  return report.messages
    .filter((m) => m.ruleId === '@nx/enforce-module-boundaries' || m.ruleId === 'no-restricted-imports')
    .map((m) => `${m.ruleId}: ${m.message}`);
};

describe('module boundaries (eslint + Nx project graph)', () => {
  beforeAll(() => {
    const nxPackage = require.resolve('nx/package.json', { paths: [root] });
    const nxBin = join(nxPackage, '..', (JSON.parse(readFileSync(nxPackage, 'utf8')) as { bin: { nx: string } }).bin.nx);
    const graph = spawnSync(process.execPath, [nxBin, 'show', 'projects'], {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false' },
      encoding: 'utf8',
    });
    expect(graph.status).toBe(0);
  });

  it.each([
    ['@nestjs/common'],
    ['pg'],
    ['kafkajs'],
    ['mongoose'],
  ])('refuses %s in a domain library', (packageName) => {
    const messages = lintAs('libs/opportunities/domain/src/violation.ts', `import * as x from '${packageName}';\nexport const y = x;\n`);
    expect(messages.join('\n')).toContain(`no-restricted-imports: '${packageName}' import is restricted`);
  });

  it('refuses an installed infrastructure package through the project graph too', () => {
    const messages = lintAs('libs/opportunities/domain/src/violation.ts', `import { Pool } from 'pg';\nexport const y = Pool;\n`);
    expect(messages.join('\n')).toContain('@nx/enforce-module-boundaries: A project tagged with "type:domain" is not allowed to import "pg"');
  });

  it('refuses an infrastructure library in a contracts library', () => {
    const messages = lintAs(
      'libs/opportunities/contracts/src/violation.ts',
      `import { openEventStore } from '@meridian/platform/eventstore';\nexport const y = openEventStore;\n`,
    );
    expect(messages.join('\n')).toContain('can only depend on libs tagged with');
  });

  it('accepts the event-sourcing core in a domain library', () => {
    const messages = lintAs(
      'libs/opportunities/domain/src/allowed.ts',
      `import { streamIdFor } from '@meridian/platform/eventsourcing';\nexport const y = streamIdFor;\n`,
    );
    expect(messages).toEqual([]);
  });
});
