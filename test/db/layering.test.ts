// Dependencies that must point one way: the database layer knows no domain, migrations know no live code, court knows no generator.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const repo = path.resolve(__dirname, '..', '..');
const core = path.join(repo, 'electron', 'core');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return tsFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

/** The files a source file imports by relative path, resolved; packages and Node modules are left out. */
function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(/^\s*(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]);
  return specs.filter((s) => s.startsWith('.')).map((s) => path.resolve(path.dirname(file), s));
}

function outside(files: string[], allowed: string): string[] {
  return files.flatMap((f) =>
    relativeImports(f)
      .filter((target) => !target.startsWith(allowed + path.sep) && target !== allowed)
      .map((target) => `${path.relative(repo, f)} → ${path.relative(repo, target)}`));
}

describe('layering', () => {
  it('electron/core/db imports nothing outside itself: what it needs from a domain is passed in (beforeMigrate)', () => {
    const db = path.join(core, 'db');
    expect(tsFiles(db).length).toBeGreaterThan(4);
    expect(outside(tsFiles(db), db)).toEqual([]);
  });

  it('a migration imports only its siblings: no constant of the live code may change what it does', () => {
    const dir = path.join(core, 'db', 'migrations');
    expect(outside(tsFiles(dir), dir)).toEqual([]);
  });

  it('the court store does not depend on the generator (the generator depends on shared types, as the court does)', () => {
    const generator = path.join(core, 'generator');
    const offenders = tsFiles(path.join(core, 'court')).flatMap((f) => relativeImports(f).filter((t) => t.startsWith(generator + path.sep)));
    expect(offenders).toEqual([]);
  });
});
