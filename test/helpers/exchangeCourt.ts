// A small real court for the exchange parts' tests: four cases around the year 2024, their periods and one extension.
import { nextRowVersion } from '../../electron/core/db/clock';
import type { BuiltPart } from '../../electron/core/exchange/parts/buildParts';
import type { DataPart } from '../../shared/exchange/parts';
import { freshCourtDb, record } from './tempDb';

export const A = '（2024）辽0421民初1号';
export const B = '（2024）辽0421民初2号';
export const C = '（2023）辽0421民初9号';
export const D = '（2025）辽0421民初1号';
export const PERIOD = { from: '2024-01-01', to: '2024-12-31' };
export const TODAY = '2024-12-31';
const ctx = { actor: 'tester', today: TODAY };

/** A: pending with an open 公告 since April; B: closed, with an approved extension; C closed before the period; D filed after it. */
export function smallCourt(code = '辽0421') {
  const t = freshCourtDb(code);
  const b = record({ caseNumber: B, filedOn: '2024-02-01', judge: '李法官', claimAmount: 1234.5 });
  const c = record({ caseNumber: C, filedOn: '2023-06-01' });
  t.put([record({ caseNumber: A, filedOn: '2024-03-01', plaintiffs: ['张三'], defendants: ['李四', '王五'] }), b, c], TODAY);
  t.store.addEvent(A, '公告', '2024-04-01', null, null, ctx);
  t.store.addEvent(B, '鉴定', '2024-03-01', '2024-03-20', '司法鉴定', ctx);
  t.store.addEvent(C, '鉴定', '2023-07-01', '2023-07-20', null, ctx);
  // Closed once their periods are recorded (a closed case takes no new period).
  t.put([{ ...b, closedOn: '2024-06-30', closingMethod: '判决' }, { ...c, closedOn: '2023-12-20', closingMethod: '调解' }], TODAY);
  t.put([record({ caseNumber: D, filedOn: '2025-02-01' })], '2025-03-01');
  const v = nextRowVersion(t.db);
  const req = t.db.prepare(`INSERT INTO extension_requests (case_id, months, days, reason, requested_on, late, status, decided_on, row_version, created_at, updated_at)
    VALUES ((SELECT id FROM cases WHERE case_number = ?), 3, 0, '案情复杂', '2024-04-20', 0, 'approved', '2024-04-25', ?, 'x', 'x') RETURNING id`).pluck();
  const requestId = req.get(B, v) as number;
  t.db.prepare(`INSERT INTO extension_decisions (request_id, step, outcome, decided_on, months, days, comment, row_version, created_at)
    VALUES (?, 'decision', 'approved', '2024-04-25', 3, 0, '同意', ?, 'x')`).run(requestId, v);
  return t;
}

export const partOf = (parts: BuiltPart[], name: DataPart) => parts.find((p) => p.name === name)!;
export const lines = (p: BuiltPart): Array<Record<string, unknown>> => p.data.toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

