// courtdesk backup and restore, run as a process: checked copies, the list, restores that refuse without touching anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { cli, ensureBuilt, initDb } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';

const TODAY = '2024-12-31';
const HEADER = '案号,案由,审判程序,立案日期,承办部门,承办法官,结案日期,结案方式,原告,被告';
const ROWS = [
  '（2024）辽0421民初100号,民间借贷纠纷,普通程序,2024-01-15,民一庭,王法官,2024-07-10,判决,张三,李四',
  '（2024）辽0421民初101号,买卖合同纠纷,普通程序,2024-01-15,民一庭,王法官,,,欧阳修远,某某商贸有限公司',
  '（2024）辽0421民初102号,离婚纠纷,简易程序,2024-08-31,城关人民法庭,李法官,,,赵六,钱七',
];

let work: ReturnType<typeof tempDir>;
let db: string;

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
function csv(name: string, lines: string[]): string {
  const p = path.join(work.dir, name);
  writeFileSync(p, [HEADER, ...lines].join('\n') + '\n');
  return p;
}
function caseNumbers(file: string): string[] {
  const r = cli(['--db', file, '--json', '--today', TODAY, 'cases']);
  expect(r.code, r.err).toBe(0);
  return (r.json() as Array<{ caseNumber: string }>).map((c) => c.caseNumber).sort();
}
function oneLine(err: string) {
  expect(err.trim().split('\n')).toHaveLength(1);
}

beforeAll(() => {
  ensureBuilt();
  work = tempDir();
  db = path.join(work.dir, 'court.sqlite');
  initDb(db);
  const r = cli(['--db', db, '--today', TODAY, 'import', '--create-missing', csv('first.csv', ROWS)]);
  expect(r.code, r.err + r.out).toBe(0);
}, 180_000);
afterAll(() => work?.cleanup());

describe('courtdesk backup', () => {
  it('writes a checked copy into the backups folder and says where, how large, how many cases', () => {
    const r = cli(['--db', db, 'backup']);
    expect(r.code, r.err).toBe(0);
    const file = /已备份到 (\S+?)（/.exec(r.out)?.[1];
    expect(file && existsSync(file)).toBe(true);
    expect(path.dirname(file!)).toBe(path.join(work.dir, 'backups'));
    expect(path.basename(file!)).toMatch(/^court-\d{8}-\d{6}(-\d+)?-manual\.sqlite$/);
    expect(r.out).toContain('3 件案件');
    expect(r.out).toMatch(/\d+ KB/);
  });

  it('--json prints the BackupInfo; --to writes elsewhere', () => {
    const stick = path.join(work.dir, 'stick');
    mkdirSync(stick);
    const r = cli(['--db', db, '--json', 'backup', '--to', stick]);
    expect(r.code, r.err).toBe(0);
    const info = r.json() as Record<string, unknown>;
    expect(info).toEqual({
      file: expect.stringMatching(/-manual\.sqlite$/), bytes: expect.any(Number), schemaVersion: LATEST_SCHEMA_VERSION, cases: 3,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), reason: 'manual',
    });
    expect(path.dirname(info.file as string)).toBe(stick);
    expect(readdirSync(stick)).toEqual([path.basename(info.file as string)]);
  });

  it('refuses a missing target folder with one Chinese line, writing nothing', () => {
    const before = readdirSync(path.join(work.dir, 'backups')).sort();
    const r = cli(['--db', db, 'backup', '--to', path.join(work.dir, 'no-stick')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('备份目标文件夹不存在');
    oneLine(r.err);
    expect(existsSync(path.join(work.dir, 'no-stick'))).toBe(false);
    expect(readdirSync(path.join(work.dir, 'backups')).sort()).toEqual(before);
  });

  it('--list shows every backup with its check, newest first', () => {
    const broken = path.join(work.dir, 'backups', 'court-20000101-000000-manual.sqlite');
    writeFileSync(broken, 'garbage '.repeat(100));
    const human = cli(['--db', db, 'backup', '--list']);
    expect(human.code, human.err).toBe(0);
    expect(human.out).toContain('完好，3 件案件');
    expect(human.out).toContain('不是法院质效台的数据库');
    const r = cli(['--db', db, '--json', 'backup', '--list']);
    const rows = r.json() as Array<{ file: string; reason: string; ok: boolean; cases: number | null }>;
    expect(rows.at(-1)).toMatchObject({ file: broken, ok: false });
    expect(rows.filter((x) => x.reason === 'before-import')).toHaveLength(1);
    expect(rows.filter((x) => x.reason === 'manual' && x.ok)).toEqual(expect.arrayContaining([expect.objectContaining({ cases: 3 })]));
  });

  it('bad arguments exit 2', () => {
    expect(cli(['--db', db, 'backup', 'extra']).code).toBe(2);
    expect(cli(['--db', db, 'backup', '--list', '--to', work.dir]).code).toBe(2);
    expect(cli(['--db', db, 'restore']).code).toBe(2);
  });
});

describe('courtdesk restore', () => {
  it('backs up the current database, restores, and the cases are those of the backup', () => {
    const t = tempDir();
    try {
      const file = path.join(t.dir, 'court.sqlite');
      initDb(file);
      expect(cli(['--db', file, '--today', TODAY, 'import', '--create-missing', path.join(work.dir, 'first.csv')]).code).toBe(0);
      const backup = (cli(['--db', file, '--json', 'backup']).json() as { file: string }).file;
      const later = path.join(t.dir, 'later.csv');
      writeFileSync(later, `${HEADER}\n（2024）辽0421民初200号,民间借贷纠纷,普通程序,2024-03-01,民一庭,王法官,,,甲,乙\n`);
      expect(cli(['--db', file, '--today', TODAY, 'import', '--create-missing', later]).code).toBe(0);
      expect(caseNumbers(file)).toHaveLength(4);

      const r = cli(['--db', file, 'restore', backup]);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('已先将当前数据库备份到');
      expect(r.out).toContain('3 件案件');
      expect(caseNumbers(file)).toHaveLength(3);
      const before = readdirSync(path.join(t.dir, 'backups')).find((f) => f.endsWith('-before-restore.sqlite'));
      expect(before).toBeDefined();
      expect(cli(['--db', file, 'audit', 'verify']).code).toBe(0);
    } finally {
      t.cleanup();
    }
  });

  it.each([
    ['damaged', '备份文件已损坏'],
    ['newer', '备份由更新版本的程序创建'],
    ['foreign', '不是法院质效台的数据库'],
    ['other court', '辽0422'],
  ])('refuses a %s backup: exit 1, one line, database unchanged', (kind, message) => {
    const backups = readdirSync(path.join(work.dir, 'backups'));
    const good = path.join(work.dir, 'backups', backups.find((f) => f.endsWith('-manual.sqlite') && !f.startsWith('court-2000'))!);
    const bad = path.join(work.dir, `${kind.replace(' ', '-')}.sqlite`);
    if (kind === 'damaged') {
      copyFileSync(good, bad);
      const buf = readFileSync(bad);
      buf.fill(0xff, 4096, 4096 * 3);
      writeFileSync(bad, buf);
    } else if (kind === 'newer') {
      copyFileSync(good, bad);
      const d = new BetterSqlite3(bad);
      d.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
      d.close();
    } else if (kind === 'foreign') {
      const d = new BetterSqlite3(bad);
      d.exec('CREATE TABLE t (a)');
      d.close();
    } else {
      const other = path.join(work.dir, 'other', 'court.sqlite');
      mkdirSync(path.dirname(other));
      initDb(other, { code: '辽0422', name: '另一县人民法院' });
      const info = cli(['--db', other, '--json', 'backup']).json() as { file: string };
      copyFileSync(info.file, bad);
    }
    const before = sha(db);
    const backupsBefore = readdirSync(path.join(work.dir, 'backups')).sort();
    const r = cli(['--db', db, 'restore', bad]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(message);
    oneLine(r.err);
    expect(sha(db)).toBe(before);
    expect(readdirSync(path.join(work.dir, 'backups')).sort()).toEqual(backupsBefore);
  });

  it('says so when the backup file does not exist', () => {
    const r = cli(['--db', db, 'restore', path.join(work.dir, 'missing.sqlite')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('找不到备份文件');
  });
});
