// Writing cases, periods and suspensions: derived deadline columns, idempotent upserts, refusals that change nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { freshCourtDb, record } from '../helpers/tempDb';
import { verifyAuditChain } from '../../electron/core/audit/auditLog';
import { InputError } from '../../electron/core/kernel/errors';

let t: ReturnType<typeof freshCourtDb>;
afterEach(() => t?.close());

const ctx = { actor: 'tester', today: '2024-12-31' };

function snapshot() {
  return {
    cases: t.db.prepare('SELECT * FROM cases ORDER BY id').all(),
    events: t.db.prepare('SELECT * FROM case_events ORDER BY id').all(),
    audit: t.db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
  };
}

describe('upsert', () => {
  it('inserts, then leaves an identical record unchanged, then updates a changed one with its audit entry', () => {
    t = freshCourtDb();
    const r = record({ caseNumber: '（2024）辽0421民初103号', filedOn: '2024-08-31' });
    expect(t.put([r])).toEqual(['inserted']);
    const row = t.store.getRow('（2024）辽0421民初103号')!;
    expect(row).toMatchObject({ clock: 'running', due_on: '2025-02-28', type_code: '民初', seq: 103, year: 2024 });
    const versionAfterInsert = row.row_version;

    expect(t.put([r])).toEqual(['unchanged']);
    expect(t.store.getRow(r.caseNumber)!.row_version).toBe(versionAfterInsert);

    expect(t.put([{ ...r, closedOn: '2024-12-01', closingMethod: '调解' }])).toEqual(['updated']);
    const closed = t.store.getRow(r.caseNumber)!;
    expect(closed).toMatchObject({ clock: 'closed', due_on: '2025-02-28', closed_overdue: 0, duration_days: 92 });
    expect(closed.row_version).toBeGreaterThan(versionAfterInsert);
    const audit = t.db.prepare("SELECT action, before_json, after_json FROM audit_log WHERE entity_key = ? ORDER BY id").all(r.caseNumber) as Array<{ action: string; before_json: string | null; after_json: string }>;
    expect(audit.map((a) => a.action)).toEqual(['case.create', 'case.update']);
    expect(JSON.parse(audit[1].before_json!).closedOn).toBeNull();
    expect(JSON.parse(audit[1].after_json).closedOn).toBe('2024-12-01');
  });

  it('stores a case without a time limit as no_limit', () => {
    t = freshCourtDb();
    t.put([record({ caseNumber: '（2024）辽0421执保3号', procedure: null })]);
    expect(t.store.getRow('（2024）辽0421执保3号')).toMatchObject({ clock: 'no_limit', due_on: null });
  });

  it('creates divisions and judges first seen in a record', () => {
    t = freshCourtDb();
    t.put([record({ caseNumber: '（2024）辽0421民初1号', division: '城关人民法庭', judge: '欧阳明' })]);
    expect(t.db.prepare("SELECT kind FROM divisions WHERE name = '城关人民法庭'").pluck().get()).toBe('tribunal');
    expect(t.db.prepare("SELECT role FROM staff_roles JOIN staff ON staff.id = staff_id WHERE name = '欧阳明'").pluck().get()).toBe('judge');
  });
});

describe('events', () => {
  it('deducts a notice period and moves the due date (example 104)', () => {
    t = freshCourtDb();
    t.put([record({ caseNumber: '（2024）辽0421民初104号', filedOn: '2024-03-01' })]);
    t.store.addEvent('(2024)辽0421民初104号', '公告', '2024-04-01', '2024-05-01', null, ctx);
    expect(t.store.getRow('（2024）辽0421民初104号')).toMatchObject({ clock: 'running', due_on: '2024-10-01', deducted_days: 30 });
  });

  it('stops the clock during a suspension and restarts it on resumption', () => {
    t = freshCourtDb();
    t.put([record({ caseNumber: '（2024）辽0421民初108号', filedOn: '2024-02-29' })]);
    t.store.addEvent('（2024）辽0421民初108号', '中止', '2024-06-01', null, null, ctx);
    expect(t.store.getRow('（2024）辽0421民初108号')).toMatchObject({ clock: 'suspended', due_on: null });
    expect(() => t.store.addEvent('（2024）辽0421民初108号', '中止', '2024-07-01', null, null, ctx)).toThrow(/已处于中止状态/);
    t.store.resume('（2024）辽0421民初108号', '2024-07-01', ctx);
    expect(t.store.getRow('（2024）辽0421民初108号')).toMatchObject({ clock: 'running', due_on: '2024-09-28', deducted_days: 30 });
    expect(() => t.store.resume('（2024）辽0421民初108号', '2024-08-01', ctx)).toThrow(/没有尚未恢复的中止/);
  });

  it.each([
    ['（2024）辽0421民初1号', '公告', '2024-02-01', '2024-03-01', '早于立案日期'],
    ['（2024）辽0421民初1号', '公告', '2025-01-05', '2025-02-01', '晚于今天'],
    ['（2024）辽0421民初1号', '公告', '2024-05-01', '2024-04-01', '早于开始日期'],
    ['（2024）辽0421民初1号', '开庭', '2024-05-01', '2024-06-01', '事件类型'],
    ['（2024）辽0421民初1号', '公告', '2024-5-1', '2024-06-01', '开始日期'],
    ['（2024）辽0421民初999号', '公告', '2024-05-01', '2024-06-01', '找不到案件'],
    ['（2024）辽0422民初1号', '公告', '2024-05-01', '2024-06-01', '本院代码为辽0421'],
    ['2024民初1', '公告', '2024-05-01', '2024-06-01', '格式不正确'],
  ])('refuses %s %s %s–%s (%s) and changes nothing', (caseNumber, kind, from, to, message) => {
    t = freshCourtDb();
    t.put([record({ caseNumber: '（2024）辽0421民初1号', filedOn: '2024-03-01' })]);
    const before = snapshot();
    expect(() => t.store.addEvent(caseNumber, kind, from, to, null, ctx)).toThrow(InputError);
    expect(() => t.store.addEvent(caseNumber, kind, from, to, null, ctx)).toThrow(message);
    expect(snapshot()).toEqual(before);
  });

  it('refuses to close a case while a suspension is open, leaving it as it was', () => {
    t = freshCourtDb();
    const r = record({ caseNumber: '（2024）辽0421民初2号', filedOn: '2024-03-01' });
    t.put([r]);
    t.store.addEvent(r.caseNumber, '中止', '2024-06-01', null, null, ctx);
    const before = snapshot();
    expect(() => t.put([{ ...r, closedOn: '2024-12-01', closingMethod: '判决' }])).toThrow(/未结束的扣除审限期间/);
    expect(snapshot()).toEqual(before);
  });
});

describe('audit chain', () => {
  it('verifies a chain of real changes and names the first entry edited behind its back', () => {
    t = freshCourtDb();
    t.put([record({ caseNumber: '（2024）辽0421民初1号' }), record({ caseNumber: '（2024）辽0421民初2号' })]);
    t.store.addEvent('（2024）辽0421民初1号', '鉴定', '2024-04-01', '2024-05-01', null, ctx);
    expect(verifyAuditChain(t.db)).toEqual({ ok: true, entries: 4, firstBrokenId: null });
    expect(() => t.db.exec("UPDATE audit_log SET actor = 'x' WHERE id = 2")).toThrow(/append-only/);
    t.db.exec('DROP TRIGGER audit_log_no_update');
    t.db.exec("UPDATE audit_log SET actor = 'mallory' WHERE id = 3");
    expect(verifyAuditChain(t.db)).toMatchObject({ ok: false, firstBrokenId: 3 });
  });
});

describe('seed', () => {
  it('refuses to turn a real court\'s database into a demo, changing nothing', async () => {
    const { seedDatabase } = await import('../../electron/core/setup/seed');
    const { isDemo } = await import('../../electron/core/setup/initCourt');
    t = freshCourtDb();
    const accounts = () => t.db.prepare('SELECT count(*) FROM accounts').pluck().get();
    const before = { accounts: accounts(), audit: t.db.prepare('SELECT count(*) FROM audit_log').pluck().get() };
    expect(() => seedDatabase(t.db, t.store, { cases: 500, seed: 3, today: '2026-11-23', actor: 'tester' })).toThrow('只能向演示数据库填充合成数据；演示数据库用 courtdesk init --demo 创建');
    expect(isDemo(t.db)).toBe(false);
    expect({ accounts: accounts(), audit: t.db.prepare('SELECT count(*) FROM audit_log').pluck().get() }).toEqual(before);
    expect(t.db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);
  });

  it('fills a database created as a demo, which says so from the start, and refuses a second seed', async () => {
    const { seedDatabase } = await import('../../electron/core/setup/seed');
    const { isDemo } = await import('../../electron/core/setup/initCourt');
    t = freshCourtDb(undefined, { demo: true });
    expect(isDemo(t.db)).toBe(true);
    const r = seedDatabase(t.db, t.store, { cases: 500, seed: 3, today: '2026-11-23', actor: 'tester' });
    expect(r.cases).toBe(500);
    expect(isDemo(t.db)).toBe(true);
    expect(t.db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(500);
    expect(t.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(t.db.pragma('foreign_key_check')).toEqual([]);
    expect(t.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(() => seedDatabase(t.db, t.store, { cases: 10, seed: 3, today: '2026-11-23', actor: 'tester' })).toThrow(/已有 500 件/);
  });
});
