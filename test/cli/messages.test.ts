// The command line's messages when the database file is empty or damaged: one Chinese line, no SQLite text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ADMIN, cli, ensureBuilt, initDb } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';

let work: ReturnType<typeof tempDir>;
beforeAll(() => {
  ensureBuilt();
  work = tempDir();
});
afterAll(() => work?.cleanup());

describe('an empty database file (0 bytes)', () => {
  it('is called empty, not missing, with what to do', () => {
    const db = path.join(work.dir, 'empty.sqlite');
    writeFileSync(db, '');
    const r = cli(['--db', db, 'cases']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('空文件（0 字节）');
    expect(r.err).not.toContain('找不到数据库文件');
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('becomes the new database of courtdesk init', () => {
    const db = path.join(work.dir, 'empty-init.sqlite');
    writeFileSync(db, '');
    const r = cli(['init', '--court-code', '辽0421', '--court-name', '某某县人民法院', '--admin', ADMIN.name, '--db', db], { COURTDESK_PASSWORD: ADMIN.password });
    expect(r.code, r.err).toBe(0);
    expect(cli(['--db', db, 'cases'], { COURTDESK_USER: ADMIN.name, COURTDESK_PASSWORD: ADMIN.password }).err).not.toContain('0 字节');
  });
});

describe('a damaged database', () => {
  it('is called damaged without SQLite\'s "database disk image is malformed"', () => {
    const db = path.join(work.dir, 'damaged.sqlite');
    initDb(db);
    const buf = readFileSync(db);
    buf.fill(0x00, 100, 108);
    writeFileSync(db, buf);
    const r = cli(['--db', db, 'cases']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('数据库文件已损坏');
    expect(r.err).not.toMatch(/malformed|SQLITE|\s+at /);
  });
});
