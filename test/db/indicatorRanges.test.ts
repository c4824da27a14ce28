// Reasonable ranges through the core on a real database: set, reset, import (JSON and .xlsx, all or nothing), who may, the audit, and indicators.compute flagging every value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { freshCourtDb, record } from '../helpers/tempDb';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import type { RangeEntry } from '../../shared/indicators/ranges';
import type { FlaggedIndicatorsResult } from '../../shared/indicators/api';
import { RANGES_KEY } from '../../electron/core/indicators/rangeSettings';

const PASSWORD = 'right-pass-1';
let t: ReturnType<typeof freshCourtDb>;
let core: Core;
const sessions: Record<string, string> = {};

beforeAll(async () => {
  t = freshCourtDb();
  // 2024-03: 民一庭 receives 2, closes 1 in time by judgment: 结收比 50 %, 法定审限内结案率 100 %.
  t.put([
    record({ caseNumber: '（2024）辽0421民初1号', division: '民一庭', judge: '王法官', filedOn: '2024-03-01', closedOn: '2024-03-20', closingMethod: '判决' }),
    record({ caseNumber: '（2024）辽0421民初2号', division: '民一庭', judge: '王法官', filedOn: '2024-03-05' }),
  ]);
  const accounts = new AccountStore(t.db);
  accounts.create({ name: '统计己', roles: ['statistician'], division: null, password: PASSWORD, actor: 'tester' });
  accounts.create({ name: '王法官', roles: ['judge'], division: '民一庭', password: PASSWORD, actor: 'tester' });
  accounts.create({ name: '管理庚', roles: ['admin'], division: null, password: PASSWORD, actor: 'tester' });
  t.db.close();
  core = openCore({ dbPath: t.file, host: 'loopback', today: '2024-12-31' });
  for (const name of ['统计己', '王法官', '管理庚']) {
    const r = await core.call('auth.signIn', { name, password: PASSWORD });
    sessions[name] = (r.session as { set: string }).set;
  }
});
afterAll(() => {
  core.close();
  t.cleanup();
});

async function call<T>(method: string, args: unknown, who = '统计己'): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }> {
  return (await core.call(method, args, { session: sessions[who] })) as never;
}
const ranges = async () => ((await call<RangeEntry[]>('indicators.ranges', {})) as { value: RangeEntry[] }).value;
const one = async (id: string) => (await ranges()).find((e) => e.id === id)!;
const row = () => core.db.prepare('SELECT value_json FROM settings WHERE key = ?').pluck().get(RANGES_KEY) as string | undefined;
const audits = (action: string) => core.db.prepare('SELECT actor, entity_key, after_json FROM audit_log WHERE action = ? ORDER BY id').all(action) as Array<{ actor: string; entity_key: string; after_json: string }>;
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const doc = (r: object, extra: object = {}) => b64(JSON.stringify({ format: 'courtdesk-indicator-ranges', version: 1, court: { code: '辽04', name: '抚顺中院' }, issuedOn: '2024-12-01', ranges: r, ...extra }));

describe('set and reset', () => {
  it('starts from the defaults, marked default, with no settings row', async () => {
    expect(row()).toBeUndefined();
    expect(await one('onTimeRate')).toMatchObject({ low: 95, high: null, better: 'higher', source: { kind: 'default' }, defaultRange: { low: 95, high: null } });
  });

  it('sets a range as 本院设定 with who and when, audited; reset takes it back, audited', async () => {
    const r = await call<RangeEntry>('indicators.setRange', { id: 'onTimeRate', low: 90, high: null });
    expect(r).toMatchObject({ ok: true, value: { id: 'onTimeRate', low: 90, high: null, source: { kind: 'court', by: '统计己' } } });
    expect(audits('indicators.range')).toEqual([expect.objectContaining({ actor: '统计己', entity_key: RANGES_KEY })]);
    expect(JSON.parse(row()!)).toMatchObject({ version: 1, ranges: { onTimeRate: { low: 90, high: null } } });
    const back = await call<RangeEntry>('indicators.resetRange', { id: 'onTimeRate' });
    expect(back).toMatchObject({ ok: true, value: { low: 95, high: null, source: { kind: 'default' } } });
    expect(audits('indicators.rangeReset')).toHaveLength(1);
    // Resetting what already is the default writes nothing.
    await call('indicators.resetRange', { id: 'onTimeRate' });
    expect(audits('indicators.rangeReset')).toHaveLength(1);
  });

  it('refuses a bad range in Chinese, naming the indicator, and changes nothing', async () => {
    const before = row();
    for (const [args, message] of [
      [{ id: 'reversalRate', low: 9, high: 3 }, '改判发回率：下限 9 高于上限 3'],
      [{ id: 'reversalRate', low: null, high: 120 }, '改判发回率：上限 120 超出 0–100'],
      [{ id: 'pendingAge', low: null, high: 3 }, '未结案件审理时长分布是分布'],
      [{ id: 'fooRate', low: null, high: 3 }, '没有这个指标'],
      [{ id: 'reversalRate', low: 'abc', high: 3 }, '应为数字'],
    ] as const) {
      const r = await call('indicators.setRange', args);
      expect(r, JSON.stringify(args)).toMatchObject({ ok: false, error: { code: 'BAD_ARGS', message: expect.stringContaining(message) } });
    }
    expect(row()).toBe(before);
  });

  it('lets anyone who sees indicators read the ranges, but only the statistician change them', async () => {
    expect((await call('indicators.ranges', {}, '王法官')).ok).toBe(true);
    expect(await call('indicators.setRange', { id: 'reversalRate', low: null, high: 3 }, '王法官')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('indicators.importRanges', { fileName: 'a.json', base64: doc({ reversalRate: { high: 3 } }) }, '管理庚')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('indicators.ranges', {}, '管理庚')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await one('reversalRate')).high).toBe(5);
  });
});

describe('import', () => {
  it('leaves every range as it was when one entry is bad, and names it', async () => {
    await call('indicators.setRange', { id: 'avgDuration', low: null, high: 90 });
    const before = row();
    const auditCount = audits('indicators.rangesImport').length;
    for (const [base64, message] of [
      [doc({ mediationRate: { low: 30 }, fooRate: { low: 1 } }), '没有名为“fooRate”的指标'],
      [doc({ mediationRate: { low: 30 }, reversalRate: { low: 9, high: 3 } }), 'reversalRate（改判发回率）：下限 9 高于上限 3'],
      [doc({ mediationRate: { low: 130 } }), '下限 130 超出 0–100'],
      [doc({ mediationRate: { low: 'x' } }), '下限“x”不是数字'],
      [b64('not json'), '不是有效的 JSON'],
      [b64(Buffer.from([0x50, 0x4b, 3, 4, 1, 2, 3])), '不是有效的 .xlsx'],
      ['', '文件是空的'],
    ] as const) {
      const r = await call('indicators.importRanges', { fileName: '中院.json', base64 });
      expect(r, message).toMatchObject({ ok: false, error: { code: 'BAD_ARGS', message: expect.stringContaining(message) } });
      expect((r as { error: { message: string } }).error.message).toContain('本院的合理区间没有改变');
    }
    expect(row()).toBe(before);
    expect(audits('indicators.rangesImport')).toHaveLength(auditCount);
  });

  it('imports the JSON document as 中院下发 with file, court and date; the others stay', async () => {
    const r = await call<{ imported: string[] }>('indicators.importRanges', { fileName: '中院合理区间.json', base64: doc({ mediationRate: { low: 30, high: null }, clearanceRate: { low: 95, high: null } }) });
    expect(r).toMatchObject({ ok: true, value: { imported: ['mediationRate', 'clearanceRate'], court: '抚顺中院（辽04）', issuedOn: '2024-12-01' } });
    expect(await one('mediationRate')).toMatchObject({ low: 30, source: { kind: 'higherCourt', file: '中院合理区间.json', court: '抚顺中院（辽04）', issuedOn: '2024-12-01', by: '统计己' } });
    expect(await one('avgDuration')).toMatchObject({ high: 90, source: { kind: 'court' } });
    expect(audits('indicators.rangesImport').at(-1)!.actor).toBe('统计己');
  });

  it('imports an .xlsx with columns 指标 / 下限 / 上限', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('合理区间');
    ws.addRow(['指标', '下限', '上限']);
    ws.addRow(['改判发回率', null, 4]);
    ws.addRow(['longPending12', null, 0]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await call('indicators.importRanges', { fileName: '区间.xlsx', base64: buf.toString('base64') });
    expect(r).toMatchObject({ ok: true, value: { imported: ['reversalRate', 'longPending12'], court: null } });
    expect(await one('reversalRate')).toMatchObject({ low: null, high: 4, source: { kind: 'higherCourt', file: '区间.xlsx' } });
    ws.addRow(['结收比', 120, 100]);
    const bad = Buffer.from(await wb.xlsx.writeBuffer());
    const before = row();
    expect(await call('indicators.importRanges', { fileName: '区间.xlsx', base64: bad.toString('base64') })).toMatchObject({ ok: false, error: { message: expect.stringContaining('第 4 行（结收比）：下限 120 高于上限 100') } });
    expect(row()).toBe(before);
  });
});

describe('indicators.compute', () => {
  it('carries each value\'s range and status beside it, for the total and every group', async () => {
    await call('indicators.setRange', { id: 'onTimeRate', low: 95, high: 99 });
    await call('indicators.setRange', { id: 'preMediationRate', low: 50, high: null });
    const r = (await call<FlaggedIndicatorsResult>('indicators.compute', { from: '2024-03-01', to: '2024-03-31', by: 'division' }, '王法官')) as { ok: true; value: FlaggedIndicatorsResult };
    expect(r.ok).toBe(true);
    const v = r.value.total;
    expect(v.clearanceRate).toMatchObject({ value: 50, numerator: 1, denominator: 2, range: { low: 95, high: null }, status: 'below' });
    expect(v.onTimeRate).toMatchObject({ value: 100, range: { low: 95, high: 99 }, status: 'above' });
    expect(v.reversalRate).toMatchObject({ value: 0, denominator: 1, range: { low: null, high: 4 }, status: 'inside' });
    // No value (nothing to divide by) is never flagged.
    expect(v.preMediationRate).toMatchObject({ value: null, range: { low: 50, high: null }, status: 'none' });
    expect(v.longPending18).toMatchObject({ value: 0, range: { low: null, high: 0 }, status: 'inside' });
    expect(v.received).toMatchObject({ value: 2, range: null, status: 'none' });
    expect(v.pendingAge).toMatchObject({ range: null, status: 'none' });
    expect(r.value.groups![0].values.clearanceRate).toMatchObject({ status: 'below' });
  });

  it('reads a settings row it cannot understand as the defaults, entry by entry', async () => {
    core.db.prepare('UPDATE settings SET value_json = ? WHERE key = ?').run(JSON.stringify({ version: 1, ranges: { onTimeRate: { low: 'x' }, reversalRate: { low: null, high: 3, source: { kind: 'court', by: '甲', at: 'x' } } } }), RANGES_KEY);
    expect(await one('onTimeRate')).toMatchObject({ low: 95, source: { kind: 'default' } });
    expect(await one('reversalRate')).toMatchObject({ high: 3, source: { kind: 'court' } });
  });
});
