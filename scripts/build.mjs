// Builds everything that runs: Node entry points with esbuild, the renderer with Vite. Used by prepare, start and test.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync, mkdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const nodeEntries = {
  'electron/main': 'electron/main/main.ts',
  'electron/preload': 'electron/main/preload.ts',
  'cli/courtdesk': 'electron/cli/courtdesk.ts',
  'host/host': 'electron/host/hostMain.ts',
  'bench/bench': 'bench/bench.ts',
  'generator/seedWorker': 'electron/core/generator/seedWorker.ts',
  'jobs/jobWorker': 'electron/core/jobs/jobWorker.ts',
  'exchange/passphraseWorker': 'electron/core/exchange/crypto/passphraseWorker.ts',
};
const present = Object.fromEntries(Object.entries(nodeEntries).filter(([, src]) => existsSync(path.join(root, src))));

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outdir: dist,
  outExtension: { '.js': '.cjs' },
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { 'process.env.COURTDESK_VERSION': JSON.stringify(process.env.npm_package_version ?? '0.1.0') },
};
// The preload runs sandboxed: it may require only 'electron', so everything else is bundled into it.
const { 'electron/preload': preload, ...rest } = present;
await esbuild({ ...common, entryPoints: rest, packages: 'external' });
if (preload) await esbuild({ ...common, entryPoints: { 'electron/preload': preload }, external: ['electron'] });

await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
console.log('build: dist/ ready');
