// Backups before imports: only an import that will change something makes one, asked without writing (CaseStore.preview), and pre-import copies rotate among themselves, never pushing out daily, manual or pre-migration ones.
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { freshCourtDb, record } from '../helpers/tempDb';
import { importCasesFile } from '../../electron/core/cases/importCases';
import { createBackup } from '../../electron/core/backup/backupWrite';
import { listBackups, type BackupReason } from '../../electron/core/backup/backupNames';
import { CourtDirectory, getSelfCourt } from '../../electron/core/court/courtStore';
import { nextRowVersion } from '../../electron/core/db/clock';

const TODAY = '2024-12-31';
const HEADER = '案号,案由,审判程序,立案日期,承办部门,承办法官,结案日期,结案方式,原告,被告';
const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

function court() {
  const t = freshCourtDb();
  cleanups.push(t.close);
  return t;
}

const line = (n: number, cause = '民间借贷纠纷') => `（2024）辽0421民初${n}号,${cause},普通程序,2024-01-15,民一庭,王法官,,,张三,李四`;
const count = (file: string, reason: BackupReason) => listBackups(file).filter((e) => e.reason === reason).length;

describe('before-import backups', () => {
  it('twelve re-imports of an unchanged file leave exactly one before-import backup, and the daily backups made meanwhile are all kept', async () => {
    const t = court();
    const file = path.join(t.dir, 'cases.csv');
    writeFileSync(file, [HEADER, line(1), line(2), line(3)].join('\n'));
    const opts = { goodRowsOnly: false, actor: 'tester', createMissing: true, today: TODAY };
    expect(await importCasesFile(t.db, t.store, file, opts)).toMatchObject({ inserted: 3 });
    expect(count(t.file, 'before-import')).toBe(1);
    const dailies: string[] = [];
    for (let i = 0; i < 12; i++) {
      dailies.push((await createBackup(t.db, t.file, { reason: 'daily', now: new Date(2026, 10, i + 1, 8, 0, 0) })).file);
      expect(await importCasesFile(t.db, t.store, file, { ...opts, goodRowsOnly: i % 2 === 0 })).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    }
    expect(count(t.file, 'before-import')).toBe(1);
    expect(listBackups(t.file).filter((e) => e.reason === 'daily').map((e) => e.file).sort()).toEqual([...dailies].sort());
  });

  it('backs up before an import that changes something, and not before one that an all-or-nothing refusal undoes', async () => {
    const t = court();
    const file = path.join(t.dir, 'cases.csv');
    const opts = { goodRowsOnly: false, actor: 'tester', createMissing: true, today: TODAY };
    writeFileSync(file, [HEADER, line(1)].join('\n'));
    await importCasesFile(t.db, t.store, file, opts);
    expect(count(t.file, 'before-import')).toBe(1);

    // One changed row among unchanged ones: a change, so a copy.
    writeFileSync(file, [HEADER, line(1, '买卖合同纠纷'), line(2)].join('\n'));
    expect(await importCasesFile(t.db, t.store, file, opts)).toMatchObject({ inserted: 1, updated: 1 });
    expect(count(t.file, 'before-import')).toBe(2);

    // Case 2 gets an open suspension; a file that would close it is refused at writing, after validation passed.
    t.store.addEvent('（2024）辽0421民初2号', '中止', '2024-02-01', null, null, { actor: 'tester', today: TODAY });
    writeFileSync(file, [HEADER, line(3), line(2).replace(',,,', ',2024-06-01,判决,')].join('\n'));
    const refused = await importCasesFile(t.db, t.store, file, opts);
    expect(refused).toMatchObject({ aborted: true, inserted: 0 });
    expect(count(t.file, 'before-import')).toBe(2);
    // The same file with good rows only writes case 3: a copy first.
    expect(await importCasesFile(t.db, t.store, file, { ...opts, goodRowsOnly: true })).toMatchObject({ inserted: 1, rejected: 1 });
    expect(count(t.file, 'before-import')).toBe(3);
  });

  it('eleven changing imports rotate the before-import copies to ten, and leave daily, manual and pre-migration copies alone', async () => {
    const t = court();
    const file = path.join(t.dir, 'cases.csv');
    const manual = await createBackup(t.db, t.file, { reason: 'manual', now: new Date(2026, 0, 1, 8, 0, 0) });
    const migration = await createBackup(t.db, t.file, { reason: 'before-migration', now: new Date(2026, 0, 1, 9, 0, 0) });
    const dailies: string[] = [];
    for (let i = 0; i < 11; i++) {
      dailies.push((await createBackup(t.db, t.file, { reason: 'daily', now: new Date(2026, 10, i + 1, 8, 0, 0) })).file);
      writeFileSync(file, [HEADER, line(i + 1)].join('\n'));
      expect(await importCasesFile(t.db, t.store, file, { goodRowsOnly: false, actor: 'tester', createMissing: true, today: TODAY })).toMatchObject({ inserted: 1 });
    }
    expect(count(t.file, 'before-import')).toBe(10);
    const kept = listBackups(t.file).map((e) => e.file);
    expect(kept).toEqual(expect.arrayContaining([manual.file, migration.file, ...dailies]));
  });
});

describe('CaseStore.preview', () => {
  it('answers what upsert would, without writing', () => {
    const t = court();
    const put = (r: ReturnType<typeof record>) => t.db.transaction(() => t.store.upsert(r, new CourtDirectory(t.db, getSelfCourt(t.db)!.id), nextRowVersion(t.db), { actor: 'tester', today: TODAY }))();
    const base = record({ caseNumber: '（2024）辽0421民初1号' });
    put(base);
    const changes = () => t.db.prepare('SELECT (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM divisions) + (SELECT count(*) FROM staff) + (SELECT max(row_version) FROM cases)').pluck().get();
    const before = changes();
    const ids = t.store.previewContext();
    const variants: Array<[string, ReturnType<typeof record>]> = [
      ['unchanged', base],
      ['updated', { ...base, cause: '买卖合同纠纷' }],
      ['updated', { ...base, division: '新设的庭' }],
      ['updated', { ...base, judge: '新来的法官' }],
      ['inserted', { ...base, caseNumber: '（2024）辽0421民初2号' }],
    ];
    for (const [expected, r] of variants) expect(t.store.preview(r, ids), JSON.stringify(r)).toBe(expected);
    expect(changes()).toBe(before);
    // And upsert agrees, variant by variant.
    for (const [expected, r] of variants.slice(0, 2)) expect(put(r)).toBe(expected);
    t.store.addEvent('（2024）辽0421民初1号', '中止', '2024-04-01', null, null, { actor: 'tester', today: TODAY });
    const closing = { ...base, cause: '买卖合同纠纷', closedOn: '2024-06-01', closingMethod: '判决' as const };
    expect(() => t.store.preview(closing, t.store.previewContext())).toThrow(/尚有未结束的扣除审限期间/);
    expect(() => put(closing)).toThrow(/尚有未结束的扣除审限期间/);
  });
});
