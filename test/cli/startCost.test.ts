// The courtdesk command starts without loading the libraries only some commands need (exceljs, pdfkit, archiver, unzipper): every command, and every test that runs one, would pay for them at start.
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt, ROOT } from '../helpers/cli';

const HEAVY = ['exceljs', 'pdfkit', 'archiver', 'unzipper'];

beforeAll(() => ensureBuilt());

/** The bare module names the command requires while it runs `args`, recorded by a hook loaded before it. */
function requiredBy(args: string[]): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'courtdesk-start-'));
  try {
    const hook = path.join(dir, 'hook.cjs');
    const out = path.join(dir, 'required.json');
    writeFileSync(hook, `const Module = require('node:module');
const load = Module._load;
const seen = new Set();
Module._load = function (request, ...rest) { seen.add(request); return load.call(this, request, ...rest); };
process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify([...seen])));
`);
    const r = spawnSync(process.execPath, ['--require', hook, path.join(ROOT, 'bin/courtdesk.cjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(require('node:fs').readFileSync(out, 'utf8')) as string[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the command at start', () => {
  it('loads none of exceljs, pdfkit, archiver, unzipper for --help', () => {
    const required = requiredBy(['--help']);
    // The hook saw the command's own requires (better-sqlite3 among them), so an empty list would not pass unnoticed.
    expect(required).toContain('better-sqlite3');
    for (const name of HEAVY) expect(required, name).not.toContain(name);
  });
});
