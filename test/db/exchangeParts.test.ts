// The basic court's side of a package's data parts on a small real court: full and incremental builds, party names off and on, the indicators and ranges parts, the pre-flight check and the export log.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { buildParts } from '../../electron/core/exchange/parts/buildParts';
import { preflight, OPEN_PERIOD_MONTHS } from '../../electron/core/exchange/parts/preflight';
import { exportBytes, lastExport, listExports, nextSequence, recordExport, SEQUENCE_FLOOR_KEY } from '../../electron/core/exchange/parts/exportLog';
import { nextRowVersion } from '../../electron/core/db/clock';
import { A, B, C, PERIOD, TODAY, lines, partOf, smallCourt } from '../helpers/exchangeCourt';
import { DATA_PARTS, type DataPart } from '../../shared/exchange/parts';
import { INDICATOR_IDS } from '../../shared/indicators/catalogue';
import { record } from '../helpers/tempDb';

const ctx = { actor: 'tester', today: TODAY };
let t: ReturnType<typeof smallCourt>;
beforeEach(() => {
  t = smallCourt();
});
afterEach(() => t?.close());

describe('buildParts', () => {
  it('a full package: every part in order, the period\'s cases and theirs only, hashes of the bytes, the same bytes twice', () => {
    const full = buildParts(t.db, { ...PERIOD, sinceRowVersion: null, includePartyNames: false });
    expect(full.parts.map((p) => p.name)).toEqual([...DATA_PARTS]);
    expect(lines(partOf(full.parts, 'cases.ndjson')).map((r) => r.caseNumber)).toEqual([A, B]);
    expect(lines(partOf(full.parts, 'events.ndjson')).map((r) => [r.caseNumber, r.kind, r.toOn])).toEqual([[A, '公告', null], [B, '鉴定', '2024-03-20']]);
    expect(lines(partOf(full.parts, 'extension_requests.ndjson'))).toMatchObject([{ caseNumber: B, months: 3, status: 'approved', late: false }]);
    expect(lines(partOf(full.parts, 'extension_decisions.ndjson'))).toMatchObject([{ step: 'decision', outcome: 'approved', comment: '同意' }]);
    expect(partOf(full.parts, 'deletions.ndjson').data.length).toBe(0);
    for (const p of full.parts) expect(p.sha256).toBe(createHash('sha256').update(p.data).digest('hex'));
    expect(full.parts.map((p) => p.rows)).toEqual([2, 2, 1, 1, partOf(full.parts, 'indicators.json').rows, partOf(full.parts, 'ranges.json').rows, 0, 0, 0]);
    expect(full.highRowVersion).toBe(t.db.prepare('SELECT version FROM row_clock').pluck().get());
    const b = lines(partOf(full.parts, 'cases.ndjson'))[1];
    // Amounts in fen as stored, the derived deadline columns beside the import columns.
    expect(b).toMatchObject({ claimAmountFen: 123450, closedOn: '2024-06-30', closingMethod: '判决', clock: 'closed', judge: '李法官', division: '民一庭' });
    expect(b).toHaveProperty('closedOverdue');
    expect(b).toHaveProperty('dueOn');
    const again = buildParts(t.db, { ...PERIOD, sinceRowVersion: null, includePartyNames: false });
    expect(again.parts.map((p) => p.sha256)).toEqual(full.parts.map((p) => p.sha256));
  });

  it('party names are absent unless asked for, then sent as lists', () => {
    const off = buildParts(t.db, { ...PERIOD, sinceRowVersion: null, includePartyNames: false });
    const offCases = partOf(off.parts, 'cases.ndjson');
    expect(offCases.data.toString()).not.toContain('张三');
    for (const r of lines(offCases)) {
      expect(r).not.toHaveProperty('plaintiffs');
      expect(r).not.toHaveProperty('defendants');
    }
    const on = buildParts(t.db, { ...PERIOD, sinceRowVersion: null, includePartyNames: true });
    expect(lines(partOf(on.parts, 'cases.ndjson'))[0]).toMatchObject({ plaintiffs: ['张三'], defendants: ['李四', '王五'] });
    // SQLite writes the lists (json_quote, then split on 、): quotes, backslashes and no names at all survive.
    t.put([record({ caseNumber: A, filedOn: '2024-03-01', plaintiffs: ['张"三\\', "O'Neil\t公司"], defendants: [] })], TODAY);
    const odd = buildParts(t.db, { ...PERIOD, sinceRowVersion: null, includePartyNames: true });
    expect(lines(partOf(odd.parts, 'cases.ndjson'))[0]).toMatchObject({ plaintiffs: ['张"三\\', "O'Neil\t公司"], defendants: [] });
  });

  it('incremental: an edited case and its new event go, an untouched one does not, a deletion since goes', () => {
    const full = buildParts(t.db, { ...PERIOD, sinceRowVersion: null, includePartyNames: false });
    t.put([record({ caseNumber: A, filedOn: '2024-03-01', cause: '买卖合同纠纷' })], TODAY);
    t.store.addEvent(A, '鉴定', '2024-05-01', '2024-05-10', null, ctx);
    t.db.prepare("INSERT INTO deletions (entity, entity_key, row_version, deleted_at, deleted_by) VALUES ('cases', ?, ?, 'x', 'tester')").run(C, nextRowVersion(t.db));
    // A deletion from before the base package is not sent again.
    t.db.prepare("INSERT INTO deletions (entity, entity_key, row_version, deleted_at, deleted_by) VALUES ('cases', 'old', ?, 'x', 'tester')").run(full.highRowVersion);
    const inc = buildParts(t.db, { ...PERIOD, sinceRowVersion: full.highRowVersion, includePartyNames: false });
    expect(lines(partOf(inc.parts, 'cases.ndjson')).map((r) => [r.caseNumber, r.cause])).toEqual([[A, '买卖合同纠纷']]);
    expect(lines(partOf(inc.parts, 'events.ndjson')).map((r) => r.fromOn)).toEqual(['2024-05-01']);
    expect(partOf(inc.parts, 'extension_requests.ndjson').rows).toBe(0);
    expect(lines(partOf(inc.parts, 'deletions.ndjson'))).toEqual([{ entity: 'cases', key: C, deletedAt: 'x' }]);
    expect(inc.highRowVersion).toBeGreaterThan(full.highRowVersion);
    // Nothing changed since: an incremental of empty NDJSON parts (the period's indicators and ranges still travel).
    const none = buildParts(t.db, { ...PERIOD, sinceRowVersion: inc.highRowVersion, includePartyNames: false });
    expect(none.parts.filter((p) => p.name.endsWith('.ndjson')).map((p) => p.rows)).toEqual([0, 0, 0, 0, 0]);
  });

  it('incremental: a case whose closing date moved back before the period still goes (the receiver holds the old row)', () => {
    const E = '（2023）辽0421民初20号';
    t.put([record({ caseNumber: E, filedOn: '2023-10-01', closedOn: '2024-02-10', closingMethod: '撤诉' })], TODAY);
    const full = buildParts(t.db, { ...PERIOD, sinceRowVersion: null, includePartyNames: false });
    expect(lines(partOf(full.parts, 'cases.ndjson')).map((r) => r.caseNumber)).toEqual([A, B, E]);
    // Its closing date corrected to 2023-12-30: outside the period now, and changed since the base package.
    t.db.prepare("UPDATE cases SET closed_on = '2023-12-30', row_version = ? WHERE case_number = ?").run(nextRowVersion(t.db), E);
    const inc = buildParts(t.db, { ...PERIOD, sinceRowVersion: full.highRowVersion, includePartyNames: false });
    expect(lines(partOf(inc.parts, 'cases.ndjson')).map((r) => [r.caseNumber, r.closedOn])).toEqual([[E, '2023-12-30']]);
    expect(lines(partOf(buildParts(t.db, { ...PERIOD, sinceRowVersion: null, includePartyNames: false }).parts, 'cases.ndjson')).map((r) => r.caseNumber)).toEqual([A, B]);
  });

  it('a line the receiver would refuse (over 1 MiB) stops the export here, naming the part and the line', () => {
    t.db.pragma('ignore_check_constraints = ON');
    t.db.prepare('UPDATE cases SET cause = ? WHERE case_number = ?').run('案'.repeat(400_000), B);
    t.db.pragma('ignore_check_constraints = OFF');
    expect(() => buildParts(t.db, { ...PERIOD, sinceRowVersion: null, includePartyNames: false })).toThrow('cases.ndjson 第 2 行超过 1 MiB，无法报送');
  });

  it('indicators.json holds the court, each division and each judge with every indicator; ranges.json the ranges in force', () => {
    const { parts } = buildParts(t.db, { ...PERIOD, sinceRowVersion: null, includePartyNames: false });
    const ind = JSON.parse(partOf(parts, 'indicators.json').data.toString()) as { from: string; to: string; groups: Array<{ scope: string; name: string; values: Record<string, { value: number | null }> }> };
    expect([ind.from, ind.to]).toEqual([PERIOD.from, PERIOD.to]);
    expect(ind.groups.map((g) => [g.scope, g.name])).toEqual([['court', ''], ['division', '民一庭'], ['judge', '李法官'], ['judge', '王法官']]);
    expect(partOf(parts, 'indicators.json').rows).toBe(4);
    for (const g of ind.groups) expect(Object.keys(g.values).sort()).toEqual([...INDICATOR_IDS].sort());
    // Two cases of the period, one closed in it: what indicators.compute says of this court.
    expect(ind.groups[0].values.resolved.value).toBe(1);
    const ranges = JSON.parse(partOf(parts, 'ranges.json').data.toString()) as Array<{ id: string }>;
    expect(ranges.length).toBe(partOf(parts, 'ranges.json').rows);
    expect(ranges.length).toBeGreaterThan(0);
  });
});

describe('preflight', () => {
  const bad = (sql: string, ...args: unknown[]) => {
    t.db.pragma('ignore_check_constraints = ON');
    t.db.prepare(sql).run(...args);
    t.db.pragma('ignore_check_constraints = OFF');
  };

  it('a clean court has only the open 公告, and counts equal a full build', () => {
    const r = preflight(t.db, { ...PERIOD, today: '2024-08-31' });
    expect(r.issues).toEqual([]);
    const built = buildParts(t.db, { ...PERIOD, sinceRowVersion: null, includePartyNames: false });
    expect(r.counts).toEqual(Object.fromEntries(built.parts.map((p) => [p.name, p.rows])));
  });

  it.each([
    ['an open deducted period over the months', () => undefined, { caseNumber: A, field: 'events', message: `扣除审限（公告）自 2024-04-01 起已超过 ${OPEN_PERIOD_MONTHS} 个月仍未结束` }],
    ['an open suspension', () => bad("UPDATE case_events SET kind = '中止' WHERE to_on IS NULL"), { caseNumber: A, field: 'events', message: `中止自 2024-04-01 起已超过 ${OPEN_PERIOD_MONTHS} 个月仍未恢复` }],
    ['a missing cause', () => bad("UPDATE cases SET cause = '' WHERE case_number = ?", B), { caseNumber: B, field: 'cause', message: '缺少案由' }],
    ['closed without a closing method', () => bad('UPDATE cases SET closing_method = NULL WHERE case_number = ?', B), { caseNumber: B, field: 'closingMethod', message: '已于 2024-06-30 结案，但没有结案方式' }],
    ['closed before filed', () => bad("UPDATE cases SET closed_on = '2024-01-15' WHERE case_number = ?", B), { caseNumber: B, field: 'closedOn', message: '结案日期 2024-01-15 早于立案日期 2024-02-01' }],
    ['a filing date before 1900', () => bad("UPDATE cases SET filed_on = '1024-02-01' WHERE case_number = ?", B), { caseNumber: B, field: 'filedOn', message: '立案日期 1024-02-01 早于 1900 年' }],
    ['a closing date in the future', () => bad("UPDATE cases SET closed_on = '2024-12-31' WHERE case_number = ?", B), { caseNumber: B, field: 'closedOn', message: '结案日期 2024-12-31 晚于今天（2024-11-30）' }],
  ])('finds %s', (_name, damage, issue) => {
    damage();
    const r = preflight(t.db, { ...PERIOD, today: '2024-11-30' });
    expect(r.issues).toContainEqual(issue);
    // The only issue but the open 公告 every case here carries.
    expect(r.issues.filter((i) => i.field !== 'events' || i.message.includes('中止'))).toEqual(issue.field === 'events' && !issue.message.includes('中止') ? [] : [issue]);
    expect(r.more).toBe(0);
  });
});

describe('export log', () => {
  const entry = (sequence: number, packageId: string) => ({
    sequence, packageId, kind: 'full' as const, baseSequence: null, ...{ periodFrom: PERIOD.from, periodTo: PERIOD.to },
    fileName: `辽0421-20240101-20241231-${String(sequence).padStart(6, '0')}.cdpkg`, payloadSha256: 'a'.repeat(64), packageSha256: 'b'.repeat(64),
    bytes: Buffer.from([1, 2, 3, sequence]), highRowVersion: 40 + sequence, includesPartyNames: false,
    counts: Object.fromEntries(DATA_PARTS.map((p) => [p, 0])) as Record<DataPart, number>, by: 'tester',
  });

  it('numbers from 1, keeps the exact bytes, lists newest first, refuses a number or id used twice, and starts above the floor', () => {
    expect(nextSequence(t.db)).toBe(1);
    expect(lastExport(t.db)).toBeNull();
    recordExport(t.db, entry(1, 'p1'));
    recordExport(t.db, entry(2, 'p2'));
    expect(nextSequence(t.db)).toBe(3);
    expect(lastExport(t.db)).toEqual({ sequence: 2, packageId: 'p2', highRowVersion: 42, periodTo: PERIOD.to });
    expect(listExports(t.db).map((e) => [e.sequence, e.size, e.createdBy])).toEqual([[2, 4, 'tester'], [1, 4, 'tester']]);
    expect(exportBytes(t.db, 1)).toEqual({ fileName: entry(1, 'p1').fileName, bytes: Buffer.from([1, 2, 3, 1]) });
    expect(exportBytes(t.db, 9)).toBeNull();
    expect(() => recordExport(t.db, entry(2, 'p3'))).toThrow(/UNIQUE/);
    expect(() => recordExport(t.db, entry(3, 'p1'))).toThrow(/UNIQUE/);
    // A return file received after a restore raised the floor: numbers already seen upstream are never reused.
    t.db.prepare("INSERT INTO settings (key, value_json, row_version, updated_at) VALUES (?, '7', 1, 'x')").run(SEQUENCE_FLOOR_KEY);
    expect(nextSequence(t.db)).toBe(8);
    t.db.prepare("UPDATE settings SET value_json = '\"x\"' WHERE key = ?").run(SEQUENCE_FLOOR_KEY);
    expect(nextSequence(t.db)).toBe(3);
  });
});
