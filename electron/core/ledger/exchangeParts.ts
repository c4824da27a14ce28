// The ledger domain's part of a package (ledger.json): the whole 脱薄 ledger, statuses as of the period's end, evidence named by name, size and SHA-256 but not carried.
import type { Database } from 'better-sqlite3';
import { measureStatus } from '../../../shared/ledger/rules';
import { ledgerPartRows, type LedgerPart } from '../../../shared/ledger/exchangePart';
import type { FoundBy, MeasureKind } from '../../../shared/ledger/rules';
import type { PartSource } from '../exchange/parts/partSource';

/** A snapshot figure kept by a meeting, reduced to the five fields the part carries (anything else stays home). */
function snapshotItems(json: string): LedgerPart['meetings'][number]['snapshot'] {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(v)) return [];
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
  return v
    .filter((i): i is Record<string, unknown> => typeof i === 'object' && i !== null && typeof (i as { indicator?: unknown }).indicator === 'string')
    .filter((i) => /^[a-z][A-Za-z0-9]{0,39}$/.test(i.indicator as string))
    .slice(0, 200)
    .map((i) => ({
      indicator: i.indicator as string,
      value: num(i.value),
      numerator: num(i.numerator),
      denominator: num(i.denominator),
      status: typeof i.status === 'string' ? i.status.slice(0, 20) : null,
    }));
}

/**
 * Always the whole ledger, in a full package and an incremental one alike: it is small (tens of rows), and the
 * intermediate court replaces what it holds for the court with it rather than tracking its changes.
 */
export function ledgerPart(db: Database, asOf: string): LedgerPart {
  const targets = db.prepare('SELECT weak_point_id AS w, indicator, target, due_on AS dueOn FROM ledger_targets ORDER BY weak_point_id, indicator').all() as Array<{ w: number; indicator: string; target: number; dueOn: string }>;
  const weakPoints = (db.prepare('SELECT id, text, found_by AS foundBy, found_on AS foundOn FROM ledger_weak_points ORDER BY id').all() as Array<{ id: number; text: string; foundBy: FoundBy; foundOn: string }>).map((w) => ({
    ...w,
    targets: targets.filter((t) => t.w === w.id).map((t) => ({ indicator: t.indicator, target: t.target, dueOn: t.dueOn })),
  }));
  const points = db.prepare('SELECT measure_id AS m, weak_point_id AS w FROM ledger_measure_points ORDER BY measure_id, weak_point_id').all() as Array<{ m: number; w: number }>;
  const measures = (db.prepare(`SELECT id, kind, text, leader_name AS leader, owner_name AS owner, division_name AS division, start_on AS startOn, due_on AS dueOn,
      done_on AS doneOn, origin FROM ledger_measures ORDER BY id`).all() as Array<{ id: number; kind: MeasureKind; text: string; leader: string; owner: string; division: string; startOn: string; dueOn: string; doneOn: string | null; origin: 'local' | 'return' }>).map((m) => ({
    id: m.id,
    kind: m.kind,
    text: m.text,
    weakPointIds: points.filter((p) => p.m === m.id).map((p) => p.w),
    leader: m.leader,
    owner: m.owner,
    division: m.division,
    startOn: m.startOn,
    dueOn: m.dueOn,
    doneOn: m.doneOn,
    status: measureStatus(m, asOf),
    origin: m.origin,
  }));
  const evidence = db.prepare('SELECT progress_id AS p, name, size, sha256 FROM ledger_evidence ORDER BY id').all() as Array<{ p: number; name: string; size: number; sha256: string }>;
  const progress = (db.prepare('SELECT id, measure_id AS measureId, on_date AS onDate, text, done FROM ledger_progress ORDER BY measure_id, on_date, id').all() as Array<{ id: number; measureId: number; onDate: string; text: string; done: number }>).map((p) => ({
    ...p,
    done: p.done === 1,
    evidence: evidence.filter((e) => e.p === p.id).map((e) => ({ name: e.name, size: e.size, sha256: e.sha256 })),
  }));
  const meetings = (db.prepare(`SELECT id, held_on AS heldOn, title, attendees, decisions, period_from AS periodFrom, period_to AS periodTo, snapshot
      FROM ledger_meetings ORDER BY held_on, id`).all() as Array<{ id: number; heldOn: string; title: string; attendees: string; decisions: string; periodFrom: string; periodTo: string; snapshot: string }>).map((m) => ({
    ...m,
    snapshot: snapshotItems(m.snapshot),
  }));
  return { asOf, weakPoints, measures, progress, meetings };
}

export const ledgerExchangeParts: PartSource[] = [
  {
    part: 'ledger.json',
    format: 'json',
    value(db, sel) {
      const value = ledgerPart(db, sel.to);
      return { value, rows: ledgerPartRows(value) };
    },
  },
];
