/**
 * The server's production build: one ES module, dist/gongshu.mjs, bundled by esbuild from the
 * TypeScript sources (the server's and the workspace packages @gongshu/domain and
 * @gongshu/contracts), run by plain Node. Third-party packages stay in node_modules (external):
 * native addons (argon2, pg-native), WebAssembly (PGlite) and packages that read their own files
 * (swagger-ui, static) load as installed. No run-time transpiler and no source maps held in memory:
 * the served process starts faster and smaller than under tsx (issue 7, docs/benchmarks.md).
 * The map is written next to the bundle; `node --enable-source-maps` uses it when wanted.
 * Run: npm run build -w @gongshu/server
 */
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const manifest = readFileSync(new URL('./package.json', import.meta.url), 'utf8');
// A plain .mjs is not type-checked: the parsed manifest is `any` to the linter.
// eslint-disable-next-line @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-member-access
const dependencies = Object.keys(JSON.parse(manifest).dependencies);
const external = dependencies.filter((name) => !name.startsWith('@gongshu/'));

const started = Date.now();
const result = await build({
  entryPoints: [fileURLToPath(new URL('./src/cli/main.ts', import.meta.url))],
  outfile: fileURLToPath(new URL('./dist/gongshu.mjs', import.meta.url)),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
});
const bytes = Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.bytes ?? 0;
process.stdout.write(`server build: dist/gongshu.mjs ${(bytes / 1024).toFixed(0)} kB in ${Date.now() - started} ms\n`);
