// A seeded demo database holds 先行调解 exactly as the app records it: each mediations row, its case and its events
// are what the app's own Mediations class writes when the same mediation is started, extended and ended in the
// window; the case page shows it; and 诉前调 numbers stop at 2024, their failed disputes linked to the 民初 after them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../electron/core/setup/seed';
import { Mediations } from '../../electron/core/cases/mediation';
import { CaseQueries } from '../../electron/core/cases/caseQueries';
import { rowToRecord, type CaseRow } from '../../electron/core/cases/caseRow';
import { nextRowVersion } from '../../electron/core/db/clock';
import { computeDeadline } from '../../shared/deadlines/engine';
import { deadlineInputOf } from '../../electron/core/cases/caseRow';
import { addDays, daysBetween } from '../../shared/dates/calendar';
import type { MediationDestination, MediationOutcome } from '../../shared/cases/caseWork';
import { freshCourtDb } from '../helpers/tempDb';

interface MediationRow {
  case_id: number;
  destination: MediationDestination;
  mediator: string;
  received_on: string;
  base_days: number;
  extension_days: number;
  consent_on: string | null;
  ended_on: string | null;
  outcome: MediationOutcome | null;
}
type EventRow = { kind: string; fromOn: string; toOn: string | null };

const DERIVED = ['closed_on', 'closing_method', 'clock', 'due_on', 'deducted_days', 'ext_months', 'ext_days', 'duration_days', 'closed_overdue', 'frozen_remaining', 'due_order'] as const;
const MEDIATION_COLUMNS = 'destination, mediator, received_on, base_days, extension_days, consent_on, ended_on, outcome';

// The demo court as `npm start` makes it (5,000 cases, seed 1), and a larger one whose "today" is early in 2025, so
// that many mediations are still running.
const COURTS = [
  { seed: 1, today: '2026-03-10', cases: 5000 },
  { seed: 7, today: '2025-03-20', cases: 20_000 },
];

describe.each(COURTS)('the demo court of seed $seed on $today', ({ seed, today, cases }) => {
  const seeded = freshCourtDb(undefined, { demo: true });
  // The app's own write path, on a court of its own: each mediation replayed there as a person would record it.
  const replay = freshCourtDb();
  let mediations: MediationRow[] = [];
  const rowOf = (db: typeof seeded.db, id: number) => db.prepare('SELECT * FROM cases WHERE id = ?').get(id) as CaseRow;
  const eventsOf = (db: typeof seeded.db, id: number) =>
    db.prepare('SELECT kind, from_on AS fromOn, to_on AS toOn FROM case_events WHERE case_id = ? ORDER BY from_on, kind').all(id) as EventRow[];
  const extensionsOf = (db: typeof seeded.db, id: number) =>
    db.prepare('SELECT months, days, reason, requested_on AS requestedOn, status, decided_on AS decidedOn FROM extension_requests WHERE case_id = ? ORDER BY id').all(id) as Array<Record<string, unknown>>;

  beforeAll(() => {
    seedDatabase(seeded.db, seeded.store, { cases, seed, today, actor: 'system', threads: 'thread' });
    mediations = seeded.db.prepare(`SELECT case_id, ${MEDIATION_COLUMNS} FROM mediations ORDER BY id`).all() as MediationRow[];
  }, 120_000);
  afterAll(() => {
    seeded.close();
    replay.close();
  });

  it('has 先行调解 only on 民初 cases filed since 2025, and no 诉前调 filed after 2024', () => {
    expect(mediations.length).toBeGreaterThan(50);
    const wrong = seeded.db.prepare("SELECT c.case_number FROM mediations m JOIN cases c ON c.id = m.case_id WHERE c.type_code <> '民初' OR c.filed_on < '2025-01-01'").pluck().all();
    expect(wrong).toEqual([]);
    expect(seeded.db.prepare("SELECT count(*) FROM cases WHERE type_code = '诉前调' AND filed_on > '2024-12-31'").pluck().get()).toBe(0);
    expect(seeded.db.prepare("SELECT count(*) FROM cases WHERE type_code = '诉前调'").pluck().get()).toBeGreaterThan(100);
  });

  it('holds each mediation, its case and its events as Mediations.start, extend and end write them', () => {
    const mediate = new Mediations(replay.db, replay.store);
    const names = seeded.db.prepare('SELECT (SELECT name FROM divisions WHERE id = ?) AS division, (SELECT name FROM staff WHERE id = ?) AS judge');
    const ctx = (on: string) => ({ actor: 'tester', today: on });
    const differences: string[] = [];
    for (const m of mediations) {
      const row = rowOf(seeded.db, m.case_id);
      const n = row.case_number;
      const who = names.get(row.division_id, row.judge_id) as { division: string; judge: string };
      const record = rowToRecord(row, who.division, who.judge);
      // Registered open on its filing day, then mediated as the window records it, each step on its own day.
      replay.put([{ ...record, closedOn: null, closingMethod: null, appealed: null, appealOutcome: null, reviewed: null, precedentSearched: null }], row.filed_on);
      mediate.start(n, { destination: m.destination, mediator: m.mediator, receivedOn: m.received_on }, ctx(m.received_on));
      if (m.consent_on !== null) mediate.extend(n, m.extension_days, m.consent_on, ctx(m.consent_on));
      if (m.ended_on !== null) mediate.end(n, m.ended_on, m.outcome!, ctx(m.ended_on));
      const mine = replay.store.requireCase(n);
      if (mine.closed_on === null) {
        // Gone on to trial, or still mediating: the trial's own periods and extension requests, then its closing.
        for (const e of eventsOf(seeded.db, row.id).filter((x) => x.kind !== '先行调解延长')) replay.store.addEvent(n, e.kind, e.fromOn, e.toOn, null, ctx(today));
        for (const x of extensionsOf(seeded.db, row.id)) {
          replay.db.prepare(`INSERT INTO extension_requests (case_id, months, days, reason, requested_on, status, decided_on, row_version, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 1, 'x', 'x')`).run(mine.id, x.months, x.days, x.reason, x.requestedOn, x.status, x.decidedOn);
        }
        if (row.closed_on !== null) replay.put([record], today);
        else replay.store.refreshDeadline(replay.store.requireCase(n), nextRowVersion(replay.db), today);
      }
      const theirs = replay.store.requireCase(n);
      const stored = replay.db.prepare(`SELECT ${MEDIATION_COLUMNS} FROM mediations WHERE case_id = ?`).get(theirs.id);
      const { case_id: _, ...seededMediation } = m;
      if (JSON.stringify(stored) !== JSON.stringify(seededMediation)) differences.push(`${n}: mediation ${JSON.stringify(seededMediation)}, the app ${JSON.stringify(stored)}`);
      const ours = JSON.stringify(eventsOf(seeded.db, row.id));
      const app = JSON.stringify(eventsOf(replay.db, theirs.id));
      if (ours !== app) differences.push(`${n}: events ${ours}, the app ${app}`);
      for (const c of DERIVED) if (row[c] !== theirs[c]) differences.push(`${n}: ${c} ${row[c]}, the app ${theirs[c]}`);
    }
    expect(differences).toEqual([]);
  }, 120_000);

  it('deducts exactly the consented days used: the due date moves by them and no more', () => {
    const problems: string[] = [];
    const kinds = new Set<string>();
    for (const m of mediations) {
      const row = rowOf(seeded.db, m.case_id);
      const events = eventsOf(seeded.db, row.id);
      const baseEnd = addDays(m.received_on, m.base_days);
      const used = m.extension_days === 0 ? 0 : m.ended_on === null ? m.extension_days : Math.min(m.extension_days, Math.max(0, daysBetween(baseEnd, m.ended_on)));
      const extensions = seeded.db.prepare('SELECT status, months, days FROM extension_requests WHERE case_id = ?').all(row.id) as Array<{ status: 'approved'; months: number; days: number }>;
      const d = computeDeadline(deadlineInputOf(row, { events, extensions }), today, false);
      const counted = d.periods.filter((p) => p.kind === '先行调解延长').reduce((s, p) => s + p.days, 0);
      if (counted !== used) problems.push(`${row.case_number}: ${counted} days deducted, ${used} used`);
      // Stored as the engine computes it.
      if (d.dueOn !== row.due_on && row.clock !== 'paused' && row.clock !== 'suspended') problems.push(`${row.case_number}: stored ${row.due_on}, engine ${d.dueOn}`);
      if (events.length === (m.extension_days ? 1 : 0) && extensions.length === 0) {
        kinds.add(m.ended_on === null ? 'running' : m.outcome!);
        if (d.dueOn !== addDays(d.statutoryDueOn!, used)) problems.push(`${row.case_number}: due ${d.dueOn}, statutory ${d.statutoryDueOn} + ${used}`);
        if (m.extension_days > 0) kinds.add('extended');
      }
    }
    expect(problems).toEqual([]);
    expect([...kinds]).toContain('extended');
  });

  it('shows the mediation on the case page, and links a failed 诉前调 with the 民初 after it', () => {
    const queries = new CaseQueries(seeded.db);
    const numberOf = seeded.db.prepare('SELECT case_number FROM cases WHERE id = ?').pluck();
    for (const m of mediations) {
      const detail = queries.get(numberOf.get(m.case_id) as string, today)!;
      const dueOn = addDays(m.received_on, m.base_days + m.extension_days);
      expect(detail.mediation).toEqual({
        destination: m.destination, mediator: m.mediator, receivedOn: m.received_on, baseDays: m.base_days, extensionDays: m.extension_days,
        consentOn: m.consent_on, dueOn, daysRemaining: m.ended_on === null ? daysBetween(today, dueOn) : null, endedOn: m.ended_on, outcome: m.outcome,
      });
      expect(detail.events.filter((e) => e.kind === '先行调解延长').every((e) => e.deductible)).toBe(true);
    }
    const other = seeded.db.prepare("SELECT case_number FROM cases WHERE type_code = '民初' AND id NOT IN (SELECT case_id FROM mediations) ORDER BY id DESC LIMIT 1").pluck().get() as string;
    expect(queries.get(other, today)!.mediation).toBeNull();

    const links = seeded.db.prepare(
      `SELECT f.case_number AS followUp, o.case_number AS origin, o.closing_method AS method, o.closed_on AS closedOn, f.filed_on AS filedOn
       FROM cases f JOIN cases o ON o.case_number = f.origin_case_number WHERE o.type_code = '诉前调'`,
    ).all() as Array<{ followUp: string; origin: string; method: string; closedOn: string; filedOn: string }>;
    expect(links.length).toBeGreaterThan(20);
    for (const l of links) {
      expect(l.method).toBe('其他');
      expect(l.closedOn < l.filedOn).toBe(true);
    }
    const last = links[links.length - 1];
    expect(queries.get(last.origin, today)!.followUps).toEqual([last.followUp]);
    expect(queries.get(last.followUp, today)!.originCaseNumber).toBe(last.origin);
  });
});
