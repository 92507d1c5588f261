// Compiles apps/ and libs/ to dist/ with SWC. SWC keeps decorator metadata
// (NestJS dependency injection needs it) and rewrites the tsconfig path
// aliases to relative requires, so dist/ runs on plain `node` with no loader.
// Type checking is a separate step (`npm run typecheck`): this stays fast.
import { transformFile } from '@swc/core';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist');
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));

const isTestOnly = (path) => /\.spec\.ts$/.test(path) || /\/testing\//.test(path) || path.startsWith('libs/platform/testing/');

async function* sources(dir) {
  for (const entry of await readdir(join(root, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) yield* sources(path);
    else if (path.endsWith('.ts') && !path.endsWith('.d.ts') && !isTestOnly(path)) yield path;
  }
}

const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
    baseUrl: root,
    paths: compilerOptions.paths,
  },
  module: { type: 'commonjs' },
  sourceMaps: true,
};

const started = Date.now();
await rm(outDir, { recursive: true, force: true });
let count = 0;
for (const top of ['libs', 'apps']) {
  for await (const path of sources(top)) {
    const target = join(outDir, path.replace(/\.ts$/, '.js'));
    const { code, map } = await transformFile(join(root, path), { ...swcOptions, filename: join(root, path) });
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, `${code}\n//# sourceMappingURL=${relative(dirname(target), target)}.map\n`);
    if (map) await writeFile(`${target}.map`, map);
    count++;
  }
}
console.log(`build: ${count} files compiled to ${relative(root, outDir)}/ in ${Date.now() - started} ms`);
