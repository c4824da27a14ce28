// `courtdesk extension …` through the built command line: a request with a letter attached, the division head's
// opinion, the president's approval, and `deadline` showing the new due date; --json answers, usage errors exit 2
// before the file is opened, the core's refusals exit 1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cli, ensureBuilt, initDb } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';
import { openDatabase, closeDatabase } from '../../electron/core/db/connection';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import type { ExtensionDetail, ExtensionRow, ExtensionStudy } from '../../shared/api/contract';

const TODAY = '2025-06-30';
const CASE = '（2025）辽0421民初1号';
let work: ReturnType<typeof tempDir>;
let db: string;
let pdf: string;
let fake: string;
const PASSWORD = 'pass-word-1';

/** The command as a named person (the president is the shared test account, 测试员). */
function run(args: string[], who?: string) {
  return cli(['--db', db, '--today', TODAY, ...args], who ? { COURTDESK_USER: who, COURTDESK_PASSWORD: PASSWORD } : {});
}
function json<T>(args: string[], who?: string): T {
  const r = run(['--json', ...args], who);
  expect(r.code, r.err).toBe(0);
  return r.json() as T;
}

beforeAll(() => {
  ensureBuilt();
  work = tempDir();
  db = path.join(work.dir, 'court.sqlite');
  initDb(db);
  const csv = path.join(work.dir, 'c.csv');
  writeFileSync(csv, [
    '案号,案由,审判程序,立案日期,承办部门,承办法官,原告,被告',
    `${CASE},民间借贷纠纷,普通程序,2025-03-01,民一庭,王法官,张三,李四`,
    '（2025）辽0421民初2号,买卖合同纠纷,普通程序,2025-03-01,民一庭,王法官,王五,赵六',
  ].join('\n'));
  const imported = cli(['--db', db, '--today', TODAY, 'import', '--create-missing', csv]);
  expect(imported.code, imported.err + imported.out).toBe(0);
  const { db: file } = openDatabase(db);
  try {
    const accounts = new AccountStore(file);
    accounts.create({ name: '王法官', roles: ['judge'], division: '民一庭', password: PASSWORD, actor: 'tester' });
    accounts.create({ name: '庭长甲', roles: ['division_head'], division: '民一庭', password: PASSWORD, actor: 'tester' });
  } finally {
    closeDatabase(file);
  }
  pdf = path.join(work.dir, '鉴定机构函.pdf');
  writeFileSync(pdf, '%PDF-1.4\n%%EOF\n');
  fake = path.join(work.dir, 'x.pdf');
  writeFileSync(fake, 'not a pdf at all');
}, 180_000);
afterAll(() => work?.cleanup());

describe('courtdesk extension', () => {
  it('runs the whole route: request with a letter, opinion, approval; deadline shows the new due date', () => {
    expect(json<{ dueOn: string }>(['deadline', CASE]).dueOn).toBe('2025-09-01');
    const made = json<ExtensionDetail>(['extension', 'request', CASE, '--months', '3', '--reason', '鉴定未完成', '--text', '鉴定机构尚未出具意见', '--attach', pdf], '王法官');
    expect(made).toMatchObject({ id: expect.any(Number), stage: 'opinion', route: 'president', attachments: [{ name: '鉴定机构函.pdf', mime: 'application/pdf' }] });

    const queue = run(['extension', 'list'], '庭长甲');
    expect(queue.code, queue.err).toBe(0);
    expect(queue.out).toContain(`申请 ${made.id}`);
    expect(queue.out).toContain('待庭长签署意见（庭长甲）');

    expect(json<ExtensionDetail>(['extension', 'opinion', String(made.id), '--agree', '--text', '同意延长'], '庭长甲')).toMatchObject({ stage: 'decision' });
    const approved = run(['extension', 'decide', String(made.id), '--approve', '--months', '2', '--text', '批准延长两个月']);
    expect(approved.code, approved.err).toBe(0);
    expect(approved.out).toContain(`已批准：申请 ${made.id} 延长 2个月，${CASE} 审限届满日为 2025-11-01`);
    expect(approved.out).toContain('庭长意见：同意\t庭长甲 2025-06-30\t同意延长');
    expect(json<{ dueOn: string }>(['deadline', CASE]).dueOn).toBe('2025-11-01');

    const again = run(['extension', 'decide', String(made.id), '--reject', '--text', '改为不批准']);
    expect(again.code).toBe(1);
    expect(again.err).toContain('审批决定不能更改');
    expect(json<ExtensionRow[]>(['extension', 'list', '--status', 'decided', '--case', CASE]).map((r) => [r.id, r.status])).toEqual([[made.id, 'approved']]);
  });

  it('refuses on the line what the call would refuse, before opening the file (exit 2)', () => {
    const cases: Array<[string[], string]> = [
      [['extension', 'request', '（2025）辽0421民初2号', '--reason', '案情复杂', '--text', '复杂'], '缺少 --months 或 --days'],
      [['extension', 'request', '（2025）辽0421民初2号', '--months', '1', '--reason', '太忙', '--text', '复杂'], '--reason：延长理由应为'],
      [['extension', 'opinion', '1', '--agree', '--disagree', '--text', 'x'], '只能选一个'],
      [['extension', 'decide', '1', '--reject', '--months', '1', '--text', 'x'], '不批准时不填写'],
      [['extension', 'decide', 'abc', '--approve', '--text', 'x'], '申请编号应为正整数'],
      [['extension', 'list', '--status', 'old'], '--status 应为'],
      [['extension', 'request', '（2025）辽0421民初2号', '--months', '1', '--reason', '其他', '--text', 'x', '--attach', path.join('/nonexistent', 'a.pdf')], '找不到文件'],
    ];
    for (const [args, message] of cases) {
      const r = run(args, '王法官');
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(message);
    }
  });

  it('refuses a letter that is not what its name says (exit 1), and a request by someone not the judge', () => {
    const r = run(['extension', 'request', '（2025）辽0421民初2号', '--months', '1', '--reason', '其他', '--text', '等待材料', '--attach', fake], '王法官');
    expect(r.code).toBe(1);
    expect(r.err).toContain('“x.pdf”不是 PDF 或图片文件');
    const other = run(['extension', 'request', '（2025）辽0421民初2号', '--months', '1', '--reason', '其他', '--text', '等待材料'], '庭长甲');
    expect(other.code).toBe(1);
    expect(other.err).toContain('不是 （2025）辽0421民初2号 的承办法官');
  });

  it('studies the period: the request approved for less than asked, by reason, division, judge and month', () => {
    const s = json<ExtensionStudy>(['extension', 'study', '--from', '2025-01-01', '--to', '2025-06-30']);
    expect(s.total).toMatchObject({ requests: 1, approved: 0, shorter: 1, rejected: 0, approvalRate: { value: 100, numerator: 1, denominator: 1 } });
    const text = run(['extension', 'study', '--from', '2025-01-01', '--to', '2025-06-30']);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain('延审原因分析 2025-01-01 至 2025-06-30（按申请日期）：申请 1 件，批准率 100.0%（1/1）');
    expect(text.out).toContain('鉴定未完成\t1\t0\t1\t0\t0\t0\t0\t100.0%（1/1）');
    expect(text.out).toContain('王法官\t民一庭\t1\t0\t1');
    expect(text.out).toContain('2025-06\t1\t1\t100.0%（1/1）');
    expect(run(['extension', 'study', '--from', '2024-01-01', '--to', '2024-12-31']).out).toContain('这段期间没有延长审限申请');
    const bad = run(['extension', 'study', '--from', '2025-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--from：日期无效');
    const backwards = run(['extension', 'study', '--from', '2025-03-01', '--to', '2025-02-01']);
    expect(backwards.code).toBe(1);
    expect(backwards.err).toContain('统计期间的结束日期不能早于开始日期');
  });

  it('writes the 审批表 as PDF with form --out, whole or not at all, and refuses a name that is no .pdf', () => {
    const [row] = json<ExtensionRow[]>(['extension', 'list', '--status', 'decided', '--case', CASE]);
    const out = path.join(work.dir, '审批表.pdf');
    const answer = json<{ id: number; out: string; bytes: number }>(['extension', 'form', String(row.id), '--out', out], '王法官');
    expect(answer).toEqual({ id: row.id, out, bytes: statSync(out).size });
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Owner-only, like every file the program writes with party names in it (Windows has no such modes).
    if (process.platform !== 'win32') expect(statSync(out).mode & 0o077).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf-8' }).replace(/\s+/g, '');
    for (const s of ['延长审理期限审批表', CASE, '张三', '李四', '批准延长审理期限2个月（申请3个月）。批准延长两个月']) expect(text).toContain(s);

    const human = run(['extension', 'form', String(row.id), '--out', path.join(work.dir, 'b.PDF')], '王法官');
    expect(human.code, human.err).toBe(0);
    expect(human.out).toContain(`已生成延长审理期限审批表：申请 ${row.id}（${CASE}）`);

    const usage: Array<[string[], string]> = [
      [['extension', 'form', String(row.id), '--out', path.join(work.dir, 'a.docx')], '只能保存为 .pdf 文件'],
      [['extension', 'form', String(row.id)], '缺少 --out'],
      [['extension', 'form', 'x', '--out', out], '申请编号应为正整数'],
      [['extension', 'show', String(row.id), '--out', out], 'extension show 不接受选项 --out'],
    ];
    for (const [args, message] of usage) {
      const r = run(args, '王法官');
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(message);
    }
    const before = readdirSync(work.dir).sort();
    const nowhere = run(['extension', 'form', String(row.id), '--out', path.join(work.dir, 'missing', 'c.pdf')], '王法官');
    expect(nowhere.code).toBe(1);
    expect(nowhere.err).toContain('没有生成文件');
    expect(readdirSync(work.dir).sort()).toEqual(before);
    const unknown = run(['extension', 'form', '9999', '--out', path.join(work.dir, 'd.pdf')], '王法官');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('找不到延长审限申请 9999');
    expect(existsSync(path.join(work.dir, 'd.pdf'))).toBe(false);
  });

  it('shows and sets the extension settings', () => {
    expect(json(['extension-settings', '--refuse-late', 'on'])).toEqual({ refuseLate: true, delegations: {} });
    const shown = run(['extension-settings']);
    expect(shown.out).toContain('逾期申请：不受理');
    expect(json(['extension-settings', '--refuse-late', 'off'])).toMatchObject({ refuseLate: false });
  });
});
