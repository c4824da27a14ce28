// The intermediate court's side of a package's data parts: validateParts refuses each bad input naming part and line, writeReceivedPackage stores full then incremental packages, and a round trip gives back the rows sent.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildParts, type BuiltPart } from '../../electron/core/exchange/parts/buildParts';
import { validateParts } from '../../electron/core/exchange/parts/validateParts';
import {
  findReceivedByPackageId, findReceivedBySequence, lastReceived, listReceivedCourts, logRefusal, writeReceivedPackage, type ReceivedPackageRecord,
} from '../../electron/core/exchange/parts/receivedStore';
import { nextRowVersion } from '../../electron/core/db/clock';
import type { DataPart, ReceivedRows } from '../../shared/exchange/parts';
import { freshCourtDb, record } from '../helpers/tempDb';
import { A, B, C, PERIOD, lines, partOf, smallCourt } from '../helpers/exchangeCourt';

const SENDER = '辽0421';
let basic: ReturnType<typeof smallCourt>;
let mid: ReturnType<typeof freshCourtDb>;
beforeEach(() => {
  basic = smallCourt(SENDER);
  mid = freshCourtDb('辽04');
});
afterEach(() => {
  basic?.close();
  mid?.close();
});

const countsOf = (parts: BuiltPart[]) => Object.fromEntries(parts.map((p) => [p.name, p.rows])) as Record<DataPart, number>;
const entriesOf = (parts: BuiltPart[]) => new Map(parts.map((p) => [p.name as string, p.data]));

function full() {
  return buildParts(basic.db, { ...PERIOD, sinceRowVersion: null, includePartyNames: true });
}

function pkg(sequence: number, kind: 'full' | 'incremental', over: Partial<ReceivedPackageRecord> = {}): ReceivedPackageRecord {
  return {
    packageId: `pkg-${sequence}`, senderCode: SENDER, senderName: '测试县人民法院', sequence, kind, baseSequence: kind === 'full' ? null : sequence - 1,
    periodFrom: PERIOD.from, periodTo: PERIOD.to, payloadSha256: String(sequence % 10).repeat(64), manifestJson: '{}', createdAt: '2025-01-02T00:00:00Z',
    includesPartyNames: true, receivedBy: 'tester', warning: null, ...over,
  };
}

function receive(parts: BuiltPart[], p: ReceivedPackageRecord): ReceivedRows {
  const v = validateParts(entriesOf(parts), { senderCode: SENDER, kind: p.kind, counts: countsOf(parts) });
  if (!v.ok) throw new Error(v.message);
  mid.db.transaction(() => writeReceivedPackage(mid.db, p, v.rows))();
  return v.rows;
}

/** Every received table's content, for "nothing of the package was written". */
function received(db = mid.db) {
  return Object.fromEntries(['received_packages', 'received_cases', 'received_events', 'received_extension_requests', 'received_extension_decisions', 'received_indicators', 'received_ranges']
    .map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));
}

const rowsOf = (table: string) => (mid.db.prepare(`SELECT row_json FROM ${table} ORDER BY ${table === 'received_ranges' ? 'indicator_id' : table === 'received_cases' ? 'case_number' : 'source_id'}`).pluck().all() as string[]).map((j) => JSON.parse(j));
// SQLite's order of TEXT keys: by UTF-8 bytes, which is code-point order.
const binary = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
const byNumber = (rows: Array<Record<string, unknown>>) => [...rows].sort((x, y) => binary(String(x.caseNumber), String(y.caseNumber)));
const byId = (rows: Array<{ id: string }>) => [...rows].sort((x, y) => binary(x.id, y.id));

describe('validateParts refuses bad parts, naming the part and the line', () => {
  /** Replaces one part's line (1-based), keeping the counts as built unless told. */
  function withLine(parts: BuiltPart[], name: DataPart, line: number, text: string | null, extra = 0) {
    const e = entriesOf(parts);
    const ls = e.get(name)!.toString('utf8').split('\n').slice(0, -1);
    if (text === null) ls.push(ls[line - 2]);
    else ls[line - 1] = text;
    e.set(name, Buffer.from(ls.join('\n') + '\n'));
    const counts = countsOf(parts);
    counts[name] += extra;
    return { e, counts };
  }
  const caseLine = (parts: BuiltPart[], i: number, over: Record<string, unknown>) => JSON.stringify({ ...lines(partOf(parts, 'cases.ndjson'))[i - 1], ...over });

  it.each([
    ['a bad NDJSON line', (p: BuiltPart[]) => withLine(p, 'cases.ndjson', 2, '{"caseNumber": '), 'cases.ndjson 第 2 行不是有效的 JSON'],
    ['a case number of another court', (p: BuiltPart[]) => withLine(p, 'cases.ndjson', 1, caseLine(p, 1, { caseNumber: '（2024）辽0422民初1号' })), 'cases.ndjson 第 1 行：案号“（2024）辽0422民初1号”属于 辽0422，不是报送法院 辽0421 的案件'],
    ['a case number not in canonical form', (p: BuiltPart[]) => withLine(p, 'cases.ndjson', 1, caseLine(p, 1, { caseNumber: '(2024)辽0421民初1号' })), 'cases.ndjson 第 1 行：案号“(2024)辽0421民初1号”格式不正确'],
    ['duplicate case numbers', (p: BuiltPart[]) => withLine(p, 'cases.ndjson', 3, null, 1), 'cases.ndjson 第 3 行：案号重复'],
    ['an impossible date', (p: BuiltPart[]) => withLine(p, 'cases.ndjson', 2, caseLine(p, 2, { filedOn: '2024-02-30' })), 'cases.ndjson 第 2 行：字段 filedOn：应为 YYYY-MM-DD 格式的日期'],
    ['closed before filed', (p: BuiltPart[]) => withLine(p, 'cases.ndjson', 2, caseLine(p, 2, { closedOn: '2024-01-01' })), 'cases.ndjson 第 2 行：字段 closedOn：结案日期早于立案日期'],
    ['a value outside its list', (p: BuiltPart[]) => withLine(p, 'cases.ndjson', 2, caseLine(p, 2, { closingMethod: '胜诉' })), 'cases.ndjson 第 2 行：字段 closingMethod：'],
    ['an unknown field', (p: BuiltPart[]) => withLine(p, 'cases.ndjson', 1, caseLine(p, 1, { secret: 1 })), 'cases.ndjson 第 1 行：'],
    ['a negative amount', (p: BuiltPart[]) => withLine(p, 'cases.ndjson', 2, caseLine(p, 2, { claimAmountFen: -5 })), 'cases.ndjson 第 2 行：字段 claimAmountFen：'],
    ['an event of another court', (p: BuiltPart[]) => withLine(p, 'events.ndjson', 1, JSON.stringify({ ...lines(partOf(p, 'events.ndjson'))[0], caseNumber: '（2024）辽0422民初1号' })), 'events.ndjson 第 1 行：案号“（2024）辽0422民初1号”不是报送法院 辽0421 的案件'],
    ['an event of a case not in a full package', (p: BuiltPart[]) => withLine(p, 'events.ndjson', 1, JSON.stringify({ ...lines(partOf(p, 'events.ndjson'))[0], caseNumber: '（2024）辽0421民初77号' })), 'events.ndjson 第 1 行：所属案件不在本报送包中'],
    ['a decision of a request not in a full package', (p: BuiltPart[]) => withLine(p, 'extension_decisions.ndjson', 1, JSON.stringify({ ...lines(partOf(p, 'extension_decisions.ndjson'))[0], requestId: 999 })), 'extension_decisions.ndjson 第 1 行：所属延长申请不在本报送包中'],
    ['a count that disagrees', (p: BuiltPart[]) => ({ e: entriesOf(p), counts: { ...countsOf(p), 'events.ndjson': 3 } }), 'events.ndjson 有 2 行，与清单声明的 3 行不符'],
    ['a missing part', (p: BuiltPart[]) => {
      const e = entriesOf(p);
      e.delete('ranges.json');
      return { e, counts: countsOf(p) };
    }, '报送包缺少 ranges.json'],
    ['a truncated last line', (p: BuiltPart[]) => {
      const e = entriesOf(p);
      e.set('cases.ndjson', e.get('cases.ndjson')!.subarray(0, -20));
      return { e, counts: countsOf(p) };
    }, 'cases.ndjson 最后一行不完整'],
    ['bytes that are not UTF-8', (p: BuiltPart[]) => {
      const e = entriesOf(p);
      e.set('events.ndjson', Buffer.concat([Buffer.from([0xff, 0xfe]), e.get('events.ndjson')!]));
      return { e, counts: countsOf(p) };
    }, 'events.ndjson 不是有效的 UTF-8 文本'],
    ['a line over 1 MiB', (p: BuiltPart[]) => withLine(p, 'cases.ndjson', 1, caseLine(p, 1, { cause: '案'.repeat(400_000) })), 'cases.ndjson 第 1 行超过 1 MiB'],
    ['deletions in a full package', (p: BuiltPart[]) => {
      const e = entriesOf(p);
      e.set('deletions.ndjson', Buffer.from(JSON.stringify({ entity: 'cases', key: A, deletedAt: 'x' }) + '\n'));
      return { e, counts: { ...countsOf(p), 'deletions.ndjson': 1 } };
    }, 'deletions.ndjson 第 1 行：全量报送包不应包含删除记录'],
    ['indicators that are not JSON', (p: BuiltPart[]) => {
      const e = entriesOf(p);
      e.set('indicators.json', Buffer.from('{"from":'));
      return { e, counts: countsOf(p) };
    }, 'indicators.json 不是有效的 JSON'],
    ['an indicator group twice', (p: BuiltPart[]) => {
      const e = entriesOf(p);
      const ind = JSON.parse(e.get('indicators.json')!.toString());
      ind.groups.push(ind.groups[1]);
      e.set('indicators.json', Buffer.from(JSON.stringify(ind)));
      return { e, counts: { ...countsOf(p), 'indicators.json': ind.groups.length } };
    }, 'indicators.json 第 5 组：分组重复'],
    ['an indicator id that is not one', (p: BuiltPart[]) => {
      const e = entriesOf(p);
      e.set('indicators.json', Buffer.from(e.get('indicators.json')!.toString().replace('"resolved":', '"__proto__":')));
      return { e, counts: countsOf(p) };
    }, 'indicators.json 含有不允许的字段名 __proto__'],
    ['a __proto__ key in a line', (p: BuiltPart[]) => withLine(p, 'events.ndjson', 2, JSON.stringify(lines(partOf(p, 'events.ndjson'))[1]).replace('"note":', '"__proto__":')), 'events.ndjson 第 2 行含有不允许的字段名 __proto__'],
    ['an indicator id of another spelling', (p: BuiltPart[]) => {
      const e = entriesOf(p);
      e.set('indicators.json', Buffer.from(e.get('indicators.json')!.toString().replace('"resolved":', '"Resolved!":')));
      return { e, counts: countsOf(p) };
    }, 'indicators.json：字段 groups.0.values.Resolved!：'],
  ])('%s', (_name, damage, message) => {
    const { parts } = full();
    expect(validateParts(entriesOf(parts), { senderCode: SENDER, kind: 'full', counts: countsOf(parts) }).ok).toBe(true);
    const { e, counts } = damage(parts);
    const r = validateParts(e, { senderCode: SENDER, kind: 'full', counts });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });

  it('indicators of another period than the manifest\'s are refused', () => {
    const { parts } = full();
    const ctx = { senderCode: SENDER, kind: 'full' as const, counts: countsOf(parts) };
    expect(validateParts(entriesOf(parts), { ...ctx, period: PERIOD }).ok).toBe(true);
    expect(validateParts(entriesOf(parts), { ...ctx, period: { from: '2024-01-01', to: '2024-06-30' } })).toEqual({
      ok: false, code: 'rows', message: 'indicators.json 的期间 2024-01-01 至 2024-12-31 与清单的期间 2024-01-01 至 2024-06-30 不符',
    });
  });

  it('a deletion must name a row: a case number for a case, a row id for the others', () => {
    const inc = buildParts(basic.db, { ...PERIOD, sinceRowVersion: 10_000, includePartyNames: false });
    const e = entriesOf(inc.parts);
    e.set('deletions.ndjson', Buffer.from(`${JSON.stringify({ entity: 'case_events', key: A, deletedAt: 'x' })}\n`));
    const r = validateParts(e, { senderCode: SENDER, kind: 'incremental', counts: { ...countsOf(inc.parts), 'deletions.ndjson': 1 } });
    expect(r).toEqual({ ok: false, code: 'rows', message: 'deletions.ndjson 第 1 行：字段 key：应为记录编号' });
  });
});

describe('writeReceivedPackage', () => {
  it('round trip: the rows built at the basic court are the rows stored at the intermediate court', () => {
    const { parts } = full();
    receive(parts, pkg(1, 'full'));
    expect(rowsOf('received_cases')).toEqual(byNumber(lines(partOf(parts, 'cases.ndjson'))));
    expect(rowsOf('received_events')).toEqual(lines(partOf(parts, 'events.ndjson')));
    expect(rowsOf('received_extension_requests')).toEqual(lines(partOf(parts, 'extension_requests.ndjson')));
    expect(rowsOf('received_extension_decisions')).toEqual(lines(partOf(parts, 'extension_decisions.ndjson')));
    expect(rowsOf('received_ranges')).toEqual(byId(JSON.parse(partOf(parts, 'ranges.json').data.toString())));
    const ind = JSON.parse(partOf(parts, 'indicators.json').data.toString()) as {
      groups: Array<{ scope: string; name: string; values: Record<string, { value: number | null }> }>;
      months: Array<{ from: string; to: string; values: Record<string, { value: number | null }> }>;
    };
    const stored = mid.db.prepare('SELECT scope, group_name, indicator_id, value, value_json FROM received_indicators WHERE sender_code = ? AND period_from = ? AND period_to = ?')
      .all(SENDER, PERIOD.from, PERIOD.to) as Array<{ scope: string; group_name: string; indicator_id: string; value: number | null; value_json: string }>;
    // The 12 months' court figures, each stored as court rows of its own month.
    expect(ind.months.map((m) => m.from)).toEqual(Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}-01`));
    for (const m of ind.months) {
      const rows = mid.db.prepare("SELECT indicator_id, value_json FROM received_indicators WHERE sender_code = ? AND period_from = ? AND period_to = ? AND scope = 'court' AND group_name = ''").all(SENDER, m.from, m.to) as Array<{ indicator_id: string; value_json: string }>;
      expect(Object.fromEntries(rows.map((r) => [r.indicator_id, JSON.parse(r.value_json)]))).toEqual(m.values);
    }
    expect(stored.length).toBe(ind.groups.reduce((n, g) => n + Object.keys(g.values).length, 0));
    for (const s of stored) {
      const g = ind.groups.find((x) => x.scope === s.scope && x.name === s.group_name)!;
      expect(JSON.parse(s.value_json)).toEqual(g.values[s.indicator_id]);
      expect(s.value).toBe(g.values[s.indicator_id].value);
    }
    expect(mid.db.prepare('SELECT type_code, division, judge, clock FROM received_cases WHERE case_number = ?').get(B)).toEqual({ type_code: '民初', division: '民一庭', judge: '李法官', clock: 'closed' });
  });

  it('full, then incremental with an edit and a deletion, then a full that replaces everything', () => {
    const first = full();
    receive(first.parts, pkg(1, 'full'));
    // At the basic court: A edited, a new case E, C's neighbour B deleted (its event and extension go with it).
    basic.put([record({ caseNumber: A, filedOn: '2024-03-01', cause: '买卖合同纠纷' }), record({ caseNumber: '（2024）辽0421民初5号', filedOn: '2024-09-01' })], '2024-12-31');
    basic.db.prepare("INSERT INTO deletions (entity, entity_key, row_version, deleted_at, deleted_by) VALUES ('cases', ?, ?, 'x', 'tester')").run(B, nextRowVersion(basic.db));
    const inc = buildParts(basic.db, { ...PERIOD, sinceRowVersion: first.highRowVersion, includePartyNames: true });
    receive(inc.parts, pkg(2, 'incremental'));
    const cases = mid.db.prepare('SELECT case_number, json_extract(row_json, \'$.cause\') AS cause FROM received_cases ORDER BY case_number').all();
    expect(cases).toEqual([{ case_number: A, cause: '买卖合同纠纷' }, { case_number: '（2024）辽0421民初5号', cause: '民间借贷纠纷' }]);
    expect(mid.db.prepare('SELECT case_number FROM received_events').pluck().all()).toEqual([A]);
    expect(mid.db.prepare('SELECT count(*) FROM received_extension_requests').pluck().get()).toBe(0);
    expect(mid.db.prepare('SELECT count(*) FROM received_extension_decisions').pluck().get()).toBe(0);
    expect(lastReceived(mid.db, SENDER)).toMatchObject({ sequence: 2, packageId: 'pkg-2', periodFrom: PERIOD.from, periodTo: PERIOD.to });

    // A full package is the whole picture again: B is back (the deletion was only a test's), nothing else lingers.
    const again = full();
    receive(again.parts, pkg(3, 'full'));
    expect(mid.db.prepare('SELECT case_number FROM received_cases ORDER BY case_number').pluck().all()).toEqual([A, B, '（2024）辽0421民初5号'].sort());
    expect(rowsOf('received_events')).toEqual(lines(partOf(again.parts, 'events.ndjson')));
    expect(listReceivedCourts(mid.db)).toEqual([{ senderCode: SENDER, senderName: '测试县人民法院', lastSequence: 3, lastPackageId: 'pkg-3', periodFrom: PERIOD.from, periodTo: PERIOD.to, receivedAt: expect.any(String), packages: 3 }]);
    expect(findReceivedByPackageId(mid.db, 'pkg-2')).toEqual({ sequence: 2, payloadSha256: '2'.repeat(64), senderCode: SENDER });
    expect(findReceivedBySequence(mid.db, SENDER, 1)).toEqual({ packageId: 'pkg-1' });
    expect(findReceivedBySequence(mid.db, SENDER, 9)).toBeNull();
    expect(findReceivedByPackageId(mid.db, 'nope')).toBeNull();
  });

  it('two senders\' rows stay apart: one court\'s full package does not touch the other\'s', () => {
    receive(full().parts, pkg(1, 'full'));
    mid.db.prepare("INSERT INTO received_cases (sender_code, case_number, type_code, filed_on, division, judge, clock, row_json, package_id) VALUES ('辽0422', 'x', '民初', '2024-01-01', 'd', 'j', 'running', '{}', 'p')").run();
    receive(full().parts, pkg(2, 'full'));
    expect(mid.db.prepare("SELECT count(*) FROM received_cases WHERE sender_code = '辽0422'").pluck().get()).toBe(1);
  });

  it('the database itself refuses a replay: the same sequence or the same package id, and nothing of it stays', () => {
    const { parts } = full();
    receive(parts, pkg(1, 'full'));
    const before = received();
    expect(() => receive(parts, pkg(1, 'full', { packageId: 'other-id' }))).toThrow(/UNIQUE/);
    expect(() => receive(parts, pkg(2, 'full', { packageId: 'pkg-1' }))).toThrow(/UNIQUE/);
    expect(received()).toEqual(before);
  });

  it('a refusal is logged on its own, capped, and a refusal with no sequence keeps none', () => {
    logRefusal(mid.db, { fileName: 'x.cdpkg', senderCode: null, sequence: null, packageId: null, code: 'zip', message: '不是报送包'.repeat(500), by: 'tester' });
    logRefusal(mid.db, { fileName: 'y.cdpkg', senderCode: SENDER, sequence: 1.5, packageId: 'p', code: 'manifest', message: '序号不正确', by: 'tester' });
    const rows = mid.db.prepare('SELECT file_name, sender_code, sequence, code, length(message) AS len FROM package_refusals ORDER BY id').all();
    expect(rows).toEqual([
      { file_name: 'x.cdpkg', sender_code: null, sequence: null, code: 'zip', len: 1000 },
      { file_name: 'y.cdpkg', sender_code: SENDER, sequence: null, code: 'manifest', len: 5 },
    ]);
    expect(C).toBeTruthy();
  });
});
