// The README and docs/ send readers only to what the repository holds: every relative link resolves to a file (and a
// heading), no text points beside the checkout (../shared), every Markdown file named in them or in the code exists,
// and the import-column document names every column, alias and value the code accepts.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { IMPORT_COLUMNS } from '../../shared/cases/importColumns';
import { KNOWN_TYPE_CODES } from '../../shared/cases/caseNumber';
import { APPEAL_OUTCOMES, CLOSING_METHODS, EVENT_KINDS } from '../../shared/cases/types';

const ROOT = path.resolve(__dirname, '..', '..');
const DOCS = path.join(ROOT, 'docs');
const READER_FILES = ['README.md', ...readdirSync(DOCS).filter((f) => f.endsWith('.md')).map((f) => path.join('docs', f))];
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', 'test-results', 'release', '.cache']);

function walk(dir: string, keep: (file: string) => boolean, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name)) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, keep, out);
    else if (keep(full)) out.push(full);
  }
  return out;
}

const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf-8');

/** Markdown links [text](target), outside fenced code blocks and inline code. */
function links(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
}

/** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of markdown.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,6}\s+(.+?)\s*$/gm)) {
    const base = m[1].toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n ? `${base}-${n}` : base);
  }
  return out;
}

describe('README.md and docs/', () => {
  it('has the index and the four documents the README points to', () => {
    for (const f of ['README.md', 'import-columns.md', 'time-limits.md', 'indicators.md', 'performance.md']) {
      expect(existsSync(path.join(DOCS, f)), f).toBe(true);
    }
  });

  it('links only to files of the repository, and to headings they have', () => {
    const broken: string[] = [];
    const targets: string[] = [];
    for (const file of READER_FILES) {
      for (const link of links(read(file))) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue;
        const [target, anchor] = link.split('#');
        const resolved = target ? path.resolve(ROOT, path.dirname(file), decodeURI(target)) : path.join(ROOT, file);
        const rel = path.relative(ROOT, resolved);
        if (rel.startsWith('..') || path.isAbsolute(rel) || !existsSync(resolved)) {
          broken.push(`${file}: ${link}`);
          continue;
        }
        targets.push(rel || '.');
        if (anchor && resolved.endsWith('.md') && !anchors(readFileSync(resolved, 'utf-8')).has(decodeURI(anchor))) {
          broken.push(`${file}: ${link} (no such heading)`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(targets.length).toBeGreaterThan(10);
    // A file that exists here but is git-ignored (a build output, a local result) is not in a reader's checkout.
    const ignored = spawnSync('git', ['check-ignore', '--no-index', ...new Set(targets)], { cwd: ROOT, encoding: 'utf-8' });
    expect(ignored.error).toBeUndefined();
    expect(ignored.stdout.trim()).toBe('');
  });

  it('never points beside the checkout, to ../shared or its specs', () => {
    for (const file of READER_FILES) {
      const text = read(file);
      expect(text, file).not.toMatch(/\.\.\/shared|shared\/spec|\.\.\/data\//);
    }
  });

  it('names only Markdown files that exist, in the README, docs/ and every comment or message of the code', () => {
    const known = new Set(walk(ROOT, (f) => f.endsWith('.md')).map((f) => path.basename(f)));
    const sources = walk(ROOT, (f) => /\.(ts|tsx|mjs|cjs|js)$/.test(f) && !f.endsWith('.d.ts'))
      .map((f) => path.relative(ROOT, f))
      .filter((f) => f !== path.relative(ROOT, __filename));
    const missing: string[] = [];
    for (const file of [...READER_FILES, ...sources]) {
      for (const m of read(file).matchAll(/[\w.-]+\.md\b/g)) {
        if (!known.has(path.basename(m[0]))) missing.push(`${file}: ${m[0]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('docs/import-columns.md', () => {
  const text = read('docs/import-columns.md');

  it('names every column and alias the import accepts, and which columns are required', () => {
    for (const col of IMPORT_COLUMNS) {
      for (const name of [col.header, ...col.aliases]) expect(text, name).toContain(name);
      const row = text.split('\n').find((l) => l.startsWith(`| ${col.header}`));
      expect(row, col.header).toBeDefined();
      expect(row!.split('|')[2].trim() === '是', col.header).toBe(col.required);
    }
  });

  it('names every case-type code, closing method, appeal outcome and period kind the code knows', () => {
    for (const v of [...KNOWN_TYPE_CODES, ...CLOSING_METHODS, ...APPEAL_OUTCOMES]) expect(text, v).toContain(v);
    const limits = read('docs/time-limits.md');
    for (const kind of EVENT_KINDS) expect(limits, kind).toContain(kind);
  });
});
