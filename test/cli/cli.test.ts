// The courtdesk command line, run as a process: options anywhere, exact JSON, one-line errors, nothing half-written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { cli, ensureBuilt, initDb } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';

const TODAY = '2024-12-31';
let work: ReturnType<typeof tempDir>;
let db: string;

const HEADER = '案号,案由,审判程序,立案日期,承办部门,承办法官,结案日期,结案方式,原告,被告';
const EXAMPLES = [
  '（2024）辽0421民初100号,民间借贷纠纷,普通程序,2024-01-15,民一庭,王法官,2024-07-10,判决,张三,李四',
  '(2024)辽0421民初101号,买卖合同纠纷,普通程序,2024/1/15,民一庭,王法官,2024年7月16日,调解,欧阳修远,某某商贸有限公司',
  '（2024）辽0421民初102号,离婚纠纷,简易程序,2024.8.31,城关人民法庭,李法官,,,赵六,钱七',
  '（2024）辽0421民初103号,民间借贷纠纷,,2024-08-31,民一庭,王法官,,,孙八,张三丰',
  '（2024）辽0421民初104号,民间借贷纠纷,普通程序,2024-03-01,民一庭,王法官,,,周九,吴十',
  '（2024）辽0421民初107号,民间借贷纠纷,小额诉讼程序,2024-10-31,城关人民法庭,李法官,,,郑一,王二',
  '（2024）辽0421民特5号,申请确认调解协议纠纷,,2024-12-10,民一庭,王法官,,,冯三,',
  '（2024）辽0421刑初20号,危险驾驶罪,速裁程序,2024-12-20,刑事审判庭,陈法官,,,,褚四',
  '（2024）辽0421民初108号,民间借贷纠纷,普通程序,2024-02-29,民一庭,王法官,,,卫五,蒋六',
];

function csv(file: string, lines: string[]): string {
  const p = path.join(work.dir, file);
  writeFileSync(p, [HEADER, ...lines].join('\n') + '\n');
  return p;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
function counts(file: string) {
  const d = new BetterSqlite3(file, { readonly: true });
  try {
    return {
      cases: d.prepare('SELECT count(*) FROM cases').pluck().get(),
      events: d.prepare('SELECT count(*) FROM case_events').pluck().get(),
      audit: d.prepare('SELECT count(*) FROM audit_log').pluck().get(),
      clock: d.prepare('SELECT version FROM row_clock').pluck().get(),
    };
  } finally {
    d.close();
  }
}

beforeAll(() => {
  ensureBuilt();
  work = tempDir();
  db = path.join(work.dir, 'court.sqlite');
  initDb(db);
  const imp = cli(['--db', db, '--today', TODAY, 'import', '--create-missing', csv('examples.csv', EXAMPLES)]);
  expect(imp.code, imp.err + imp.out).toBe(0);
  expect(cli(['--db', db, '--today', TODAY, 'event', '（2024）辽0421民初104号', '--kind', '公告', '--from', '2024-04-01', '--to', '2024-05-01']).code).toBe(0);
  expect(cli(['event', '(2024)辽0421民初108号', '--kind', '中止', '--from', '2024-06-01', '--db', db, '--today', TODAY]).code).toBe(0);
}, 180_000);
afterAll(() => work?.cleanup());

describe('deadline --json: the worked examples of time-limits.md', () => {
  it.each([
    ['（2024）辽0421民初100号', { limit: '6个月', dueOn: '2024-07-15', deductedDays: 0, extension: null, daysRemaining: 5, status: 'closed_in_time' }],
    ['（2024）辽0421民初101号', { limit: '6个月', dueOn: '2024-07-15', deductedDays: 0, extension: null, daysRemaining: -1, status: 'closed_overdue' }],
    ['（2024）辽0421民初102号', { limit: '3个月', dueOn: '2024-11-30', deductedDays: 0, extension: null, daysRemaining: -31, status: 'overdue' }],
    ['（2024）辽0421民初103号', { limit: '6个月', dueOn: '2025-02-28', deductedDays: 0, extension: null, daysRemaining: 59, status: 'in_time' }],
    ['（2024）辽0421民初104号', { limit: '6个月', dueOn: '2024-10-01', deductedDays: 30, extension: null, daysRemaining: -91, status: 'overdue' }],
    ['（2024）辽0421民初107号', { limit: '2个月', dueOn: '2024-12-31', deductedDays: 0, extension: null, daysRemaining: 0, status: 'in_time' }],
    ['（2024）辽0421民特5号', { limit: '30天', dueOn: '2025-01-09', deductedDays: 0, extension: null, daysRemaining: 9, status: 'in_time' }],
    ['（2024）辽0421刑初20号', { limit: '10天', dueOn: '2024-12-30', deductedDays: 0, extension: null, daysRemaining: -1, status: 'overdue' }],
    ['（2024）辽0421民初108号', { limit: '6个月', dueOn: '2025-03-30', deductedDays: 213, extension: null, daysRemaining: 89, status: 'suspended' }],
  ])('%s', (caseNumber, expected) => {
    const r = cli(['--db', db, '--json', '--today', TODAY, 'deadline', caseNumber]);
    expect(r.code, r.err).toBe(0);
    expect(r.json()).toEqual({ caseNumber, ...expected });
  });

  it('accepts global options after the command and another spelling of the number', () => {
    const r = cli(['deadline', '〔2024〕辽0421民初104号', '--json', '--today', TODAY, '--db', db]);
    expect(r.code, r.err).toBe(0);
    expect(r.json()).toMatchObject({ caseNumber: '（2024）辽0421民初104号', dueOn: '2024-10-01' });
  });

  it('spells out the arithmetic without --json', () => {
    const r = cli(['--db', db, '--today', TODAY, 'deadline', '（2024）辽0421民初104号']);
    expect(r.out).toContain('立案日期 2024-03-01');
    expect(r.out).toContain('扣除 公告 2024-04-01 至 2024-05-01，30天');
    expect(r.out).toContain('审限届满日 2024-10-01');
  });

  it('moves the due date of a resumed suspension', () => {
    const t = tempDir();
    try {
      const file = path.join(t.dir, 'r.sqlite');
      initDb(file);
      cli(['--db', file, '--today', TODAY, 'import', '--create-missing', csv('one.csv', [EXAMPLES[8]])]);
      cli(['--db', file, '--today', TODAY, 'event', '（2024）辽0421民初108号', '--kind', '中止', '--from', '2024-06-01']);
      const r = cli(['--db', file, '--today', TODAY, 'event', '（2024）辽0421民初108号', '--kind', '中止', '--resume', '2024-07-01']);
      expect(r.code, r.err).toBe(0);
      expect(cli(['--db', file, '--json', '--today', TODAY, 'deadline', '（2024）辽0421民初108号']).json())
        .toMatchObject({ dueOn: '2024-09-28', deductedDays: 30, status: 'overdue', daysRemaining: -94 });
    } finally {
      t.cleanup();
    }
  });
});

describe('cases', () => {
  const list = (...args: string[]) => {
    const r = cli(['--db', db, '--json', '--today', TODAY, 'cases', ...args]);
    expect(r.code, r.err).toBe(0);
    return (r.json() as Array<{ caseNumber: string }>).map((c) => c.caseNumber).sort();
  };

  it('filters by status, due window, division, judge and search text', () => {
    expect(list('--status', 'overdue')).toEqual(['（2024）辽0421刑初20号', '（2024）辽0421民初102号', '（2024）辽0421民初104号']);
    expect(list('--status', 'due-within:60')).toEqual(['（2024）辽0421民初103号', '（2024）辽0421民初107号', '（2024）辽0421民特5号']);
    expect(list('--status', 'closed')).toEqual(['（2024）辽0421民初100号', '（2024）辽0421民初101号']);
    expect(list('--status', 'open', '--division', '城关人民法庭')).toEqual(['（2024）辽0421民初102号', '（2024）辽0421民初107号']);
    expect(list('--judge', '陈法官')).toEqual(['（2024）辽0421刑初20号']);
    expect(list('--search', '张三')).toEqual(['（2024）辽0421民初100号', '（2024）辽0421民初103号']);
    expect(list('--search', '商贸')).toEqual(['（2024）辽0421民初101号']);
    expect(list('--limit', '2')).toHaveLength(2);
  });

  it('prints rows with their computed fields', () => {
    const r = cli(['--db', db, '--json', '--today', TODAY, 'cases', '--search', '刑初20']);
    expect(r.json()).toEqual([expect.objectContaining({ caseNumber: '（2024）辽0421刑初20号', division: '刑事审判庭', judge: '陈法官', dueOn: '2024-12-30', daysRemaining: -1, status: 'overdue' })]);
  });
});

describe('import', () => {
  it('changes nothing when the same file is imported again', () => {
    const before = counts(db);
    const file = path.join(work.dir, 'examples.csv');
    const r = cli(['--db', db, '--json', '--today', TODAY, 'import', '--create-missing', file]);
    expect(r.code, r.err).toBe(0);
    expect(r.json()).toMatchObject({ inserted: 0, updated: 0, unchanged: EXAMPLES.length, rejected: 0 });
    expect(counts(db)).toEqual(before);
  });

  it('updates a changed row and logs it', () => {
    const t = tempDir();
    try {
      const file = path.join(t.dir, 'u.sqlite');
      initDb(file);
      cli(['--db', file, '--today', TODAY, 'import', '--create-missing', csv('u1.csv', [EXAMPLES[3]])]);
      const r = cli(['--db', file, '--json', '--today', TODAY, 'import', '--create-missing', csv('u2.csv', [EXAMPLES[3].replace(',,,孙八', ',2024-12-01,调解,孙八')])]);
      expect(r.json()).toMatchObject({ inserted: 0, updated: 1 });
      expect(cli(['--db', file, '--json', '--today', TODAY, 'deadline', '（2024）辽0421民初103号']).json()).toMatchObject({ status: 'closed_in_time' });
    } finally {
      t.cleanup();
    }
  });

  it('imports nothing from a file with a bad row, naming row, column and reason, and exits 1', async () => {
    const t = tempDir();
    try {
      const file = path.join(t.dir, 'b.sqlite');
      initDb(file);
      const bad = csv('bad.csv', [EXAMPLES[0], '（2024）辽0421民初200号,民间借贷纠纷,普通程序,2024-13-01,民一庭,王法官,,,甲,乙', '（2024）辽0422民初201号,民间借贷纠纷,普通程序,2024-01-01,民一庭,王法官,,,甲,乙']);
      const before = counts(file);
      const r = cli(['--db', file, '--today', TODAY, 'import', '--create-missing', bad]);
      expect(r.code).toBe(1);
      expect(r.out).toContain('第3行');
      expect(r.out).toContain('立案日期');
      expect(r.out).toContain('辽0422');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toContain('未导入任何案件');
      expect(counts(file)).toEqual(before);

      const good = cli(['--db', file, '--json', '--today', TODAY, 'import', '--create-missing', bad, '--good-rows-only']);
      expect(good.code, good.err).toBe(0);
      const summary = good.json() as { inserted: number; rejected: number; rejectedFile: string };
      expect(summary).toMatchObject({ inserted: 1, rejected: 2 });
      // The rejected rows as an .xlsx beside the file, to fix in Excel and import again.
      expect(summary.rejectedFile).toBe(path.join(path.dirname(bad), 'bad.rejected.xlsx'));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(summary.rejectedFile);
      const ws = wb.worksheets[0];
      expect(ws.getRow(1).getCell(ws.getRow(1).cellCount).text).toBe('错误原因');
      expect([2, 3].map((n) => ws.getRow(n).getCell(1).text)).toEqual(['（2024）辽0421民初200号', '（2024）辽0422民初201号']);
    } finally {
      t.cleanup();
    }
  });
});

describe('bad arguments and input: one Chinese line on stderr, exit 1 or 2, database unchanged', () => {
  it.each<[string[], number, string]>([
    [['frobnicate'], 2, '未知命令'],
    [['cases', '--colour'], 2, '未知选项'],
    [['cases', '--status', 'late'], 2, '--status'],
    [['cases', '--limit', '0'], 2, '--limit'],
    [['cases', '--division', '不存在庭'], 1, '找不到部门'],
    [['deadline'], 2, '需要参数'],
    [['deadline', '（2024）辽0421民初999号'], 1, '找不到案件'],
    [['deadline', '民初1号'], 1, '格式不正确'],
    [['deadline', '（2024）辽0422民初1号'], 1, '辽0422'],
    [['event', '（2024）辽0421民初103号', '--kind', '开庭', '--from', '2024-09-01', '--to', '2024-09-02'], 2, '--kind'],
    [['event', '（2024）辽0421民初103号', '--kind', '公告', '--from', '2024-09-01'], 2, '--to'],
    [['event', '（2024）辽0421民初103号', '--kind', '公告', '--from', '2024-02-30', '--to', '2024-09-02'], 2, '日期'],
    [['event', '（2024）辽0421民初103号', '--kind', '公告', '--from', '2024-01-01', '--to', '2024-09-02'], 1, '早于立案日期'],
    [['event', '（2024）辽0421民初103号', '--kind', '中止', '--resume', '2024-10-01'], 1, '没有尚未恢复的中止'],
    [['seed', '--cases', '10'], 1, '只能向演示数据库填充合成数据'],
    [['seed', '--cases', 'many'], 2, '--cases'],
    [['import', '/nonexistent/file.csv'], 1, '找不到文件'],
    [['init', '--court-code', '辽0421', '--court-name', 'x', '--admin', '管理员'], 1, '已存在'],
    [['init', '--court-code', '辽0421', '--court-name', 'x'], 2, '--admin'],
    [['cases', '--today', '2024-02-30'], 2, '--today'],
  ])('%j → exit %i', (args, code, message) => {
    const before = sha(db);
    const r = cli(['--db', db, ...args]);
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(sha(db)).toBe(before);
  });

  it('refuses a database from a newer version, leaving it untouched', () => {
    const t = tempDir();
    try {
      const file = path.join(t.dir, 'newer.sqlite');
      const d = new BetterSqlite3(file);
      d.exec('CREATE TABLE x (a)');
      d.pragma('user_version = 999');
      d.close();
      const before = sha(file);
      const r = cli(['--db', file, 'cases']);
      expect(r.code).toBe(1);
      expect(r.err).toContain('更新版本');
      expect(sha(file)).toBe(before);
    } finally {
      t.cleanup();
    }
  });

  it('says so when the database does not exist', () => {
    const r = cli(['--db', path.join(work.dir, 'missing.sqlite'), 'cases']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('找不到数据库文件');
    expect(existsSync(path.join(work.dir, 'missing.sqlite'))).toBe(false);
  });
});

describe('seed', () => {
  // Large seeds prepare rows on a worker thread, small ones in-thread: both paths must write the same court.
  it('fills an empty database deterministically for a seed, the same on the worker thread as in-thread', () => {
    const t = tempDir();
    try {
      const outs = [['thread', '0'], ['worker', '1']].map(([name, worker]) => {
        const file = path.join(t.dir, `${name}.sqlite`);
        initDb(file, undefined, { demo: true });
        const s = cli(['--db', file, '--json', '--today', TODAY, 'seed', '--cases', '3000', '--seed', '42'], { COURTDESK_SEED_WORKER: worker });
        expect(s.code, s.err).toBe(0);
        expect(s.json()).toMatchObject({ cases: 3000 });
        const d = new BetterSqlite3(file, { readonly: true });
        try {
          const dump = (sql: string) => JSON.stringify(d.prepare(sql).raw().all());
          return {
            cases: dump('SELECT * FROM cases ORDER BY id').replace(/"\d{4}-\d\d-\d\dT[^"]*"/g, 'T'),
            events: dump('SELECT case_id, kind, from_on, to_on FROM case_events ORDER BY id'),
            extensions: dump('SELECT case_id, months, days, status, requested_on, decided_on FROM extension_requests ORDER BY id'),
            search: dump("SELECT rowid FROM case_search WHERE case_search MATCH '\"民初1\"' ORDER BY rowid"),
            list: cli(['--db', file, '--json', '--today', TODAY, 'cases', '--limit', '200']).out,
          };
        } finally {
          d.close();
        }
      });
      expect(outs[0]).toEqual(outs[1]);
      expect(JSON.parse(outs[0].list)).toHaveLength(200);
      expect(JSON.parse(outs[0].search).length).toBeGreaterThan(100);
    } finally {
      t.cleanup();
    }
  });
});

describe('holiday-roll', () => {
  it('is off by default; on moves a Saturday due date to Monday for deadline and the lists, off moves it back', () => {
    const show = cli(['--db', db, '--json', 'holiday-roll']);
    expect(show.code, show.err).toBe(0);
    expect(show.json()).toEqual({ holidayRoll: false });
    const before = cli(['--db', db, '--json', '--today', TODAY, 'deadline', '（2024）辽0421民初102号']).json();
    expect(before).toMatchObject({ dueOn: '2024-11-30', daysRemaining: -31 });

    const on = cli(['--db', db, '--json', '--today', TODAY, 'holiday-roll', 'on']);
    expect(on.code, on.err).toBe(0);
    expect((on.json() as { holidayRoll: boolean; casesChanged: number }).holidayRoll).toBe(true);
    expect((on.json() as { casesChanged: number }).casesChanged).toBeGreaterThanOrEqual(1);
    expect(cli(['--db', db, '--json', '--today', TODAY, 'deadline', '（2024）辽0421民初102号']).json()).toMatchObject({ dueOn: '2024-12-02', daysRemaining: -29 });
    const text = cli(['--db', db, '--today', TODAY, 'deadline', '（2024）辽0421民初102号']).out;
    expect(text).toContain('计算届满日 2024-11-30 为休息日，顺延至其后第一个工作日');

    const off = cli(['--db', db, '--json', '--today', TODAY, 'holiday-roll', 'off']);
    expect(off.code, off.err).toBe(0);
    expect(cli(['--db', db, '--json', '--today', TODAY, 'deadline', '（2024）辽0421民初102号']).json()).toEqual(before);
  });

  it('refuses anything but on or off', () => {
    const bad = cli(['--db', db, 'holiday-roll', 'maybe']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('on 或 off');
    expect(bad.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('import of names the court does not have', () => {
  it('refuses rows naming a new division or judge, lists them, and creates them only with --create-missing, audited', () => {
    const t = tempDir();
    try {
      const file = path.join(t.dir, 'court.sqlite');
      initDb(file);
      expect(cli(['--db', file, '--today', TODAY, 'import', '--create-missing', csv('known.csv', [EXAMPLES[0]])]).code).toBe(0);
      // 民九庭 and 某某 are typos the tester made: nothing of them may appear in any dropdown unless confirmed.
      const typo = csv('typo.csv', ['（2024）辽0421民初300号,民间借贷纠纷,普通程序,2024-03-01,民九庭,王法官,,,甲,乙', '（2024）辽0421民初301号,民间借贷纠纷,普通程序,2024-03-01,民一庭,某某,,,丙,丁']);
      const before = sha(file);
      const r = cli(['--db', file, '--today', TODAY, 'import', typo]);
      expect(r.code).toBe(1);
      expect(r.out).toContain('文件中有本院尚未建立的部门 民九庭；人员 某某');
      expect(r.out).toContain('第2行“承办部门”：“民九庭”不是本院已有的部门');
      expect(r.out).toContain('第3行“承办法官”：“某某”不是本院已有的人员');
      expect(sha(file)).toBe(before);
      const json = cli(['--db', file, '--json', '--today', TODAY, 'import', typo]).json() as { newDivisions: string[]; newStaff: string[]; aborted: boolean };
      expect(json).toMatchObject({ newDivisions: ['民九庭'], newStaff: ['某某'], aborted: true });

      const ok = cli(['--db', file, '--json', '--today', TODAY, 'import', typo, '--create-missing']);
      expect(ok.code, ok.err).toBe(0);
      expect(ok.json()).toMatchObject({ inserted: 2, addedDivisions: ['民九庭'], addedStaff: ['某某'] });
      const d = new BetterSqlite3(file, { readonly: true });
      try {
        expect(d.prepare("SELECT action, entity_key FROM audit_log WHERE action IN ('division.create', 'staff.create') ORDER BY id").all().slice(-2)).toEqual([
          { action: 'division.create', entity_key: '民九庭' },
          { action: 'staff.create', entity_key: '某某' },
        ]);
      } finally {
        d.close();
      }
    } finally {
      t.cleanup();
    }
  });
});
