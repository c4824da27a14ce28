// Runs the import reader or the whole import in a child process (bundled from source with esbuild) and returns what it read and its peak memory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import type { ProbeReport, ProbeRequest } from './importProbe';

const ROOT = path.resolve(__dirname, '../..');
let bundled: string | null = null;

/** Bundles test/helpers/importProbe.ts once per test file: the child then runs today's source, not a stale dist/. */
function probeScript(): string {
  if (bundled) return bundled;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'courtdesk-probe-'));
  const out = path.join(dir, 'importProbe.cjs');
  buildSync({
    absWorkingDir: ROOT, entryPoints: [path.join(ROOT, 'test/helpers/importProbe.ts')], outfile: out,
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'warning',
  });
  bundled = out;
  return out;
}

/** Removes the bundle; for a test file's afterAll (a worker may be stopped without an exit event). */
export function removeProbe(): void {
  if (bundled) rmSync(path.dirname(bundled), { recursive: true, force: true });
  bundled = null;
}

/** One child process for the whole request, so its peak memory is that of these files alone. */
export function runProbe(req: ProbeRequest): ProbeReport {
  const script = probeScript();
  const reqFile = path.join(path.dirname(script), `req-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(reqFile, JSON.stringify(req));
  // Dependencies stay external: the child finds them in the project's node_modules.
  const r = spawnSync(process.execPath, [script, reqFile], {
    cwd: ROOT, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
  });
  rmSync(reqFile, { force: true });
  if (r.status !== 0) throw new Error(`probe exited ${r.status ?? r.signal}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ProbeReport;
}
