// indicators.compute: resolves the scope filters, asks a tally source for per-group tallies, applies the formulas.
import type { Database } from 'better-sqlite3';
import { scopeLabel, type CaseScope } from '../../../shared/accounts/roles';
import { computeIndicators, emptyTally, type Period, type Tally } from '../../../shared/indicators/formulas';
import type { GroupBy, IndicatorGroup, IndicatorsComputeArgs, IndicatorsResult } from '../../../shared/indicators/api';
import { InputError } from '../kernel/errors';
import { sqlTallies, type GroupKey, type TallyFilter } from './sqlTallies';

/** Where tallies come from: the plain SQL pass now; a pre-aggregated source later, behind the same signature. */
export type TallySource = (db: Database, p: Period, scope: CaseScope, f: TallyFilter, by: GroupBy | 'court') => Map<GroupKey, Tally>;

/** The name shown for a case without a recorded procedure (most stages have none). */
export const NO_PROCEDURE = '（未记录程序）';

export class IndicatorQueries {
  constructor(
    private readonly db: Database,
    private readonly source: TallySource = sqlTallies,
  ) {}

  /** Names to ids; a name that names nothing is an input error naming its field. */
  private filter(a: IndicatorsComputeArgs): TallyFilter {
    const f: TallyFilter = { typeCode: a.stage, procedure: a.procedure, cause: a.cause };
    if (a.division !== undefined) {
      const id = this.db.prepare('SELECT id FROM divisions WHERE name = ?').pluck().get(a.division) as number | undefined;
      if (id === undefined) throw new InputError(`没有名为“${a.division}”的部门`, 'division');
      f.divisionId = id;
    }
    if (a.judge !== undefined) {
      const id = this.db.prepare('SELECT id FROM staff WHERE name = ?').pluck().get(a.judge) as number | undefined;
      if (id === undefined) throw new InputError(`没有名为“${a.judge}”的人员`, 'judge');
      f.judgeId = id;
    }
    return f;
  }

  private names(by: GroupBy, keys: GroupKey[]): Map<GroupKey, string> {
    const m = new Map<GroupKey, string>();
    if (by === 'division' || by === 'judge') {
      const q = this.db.prepare(`SELECT name FROM ${by === 'division' ? 'divisions' : 'staff'} WHERE id = ?`).pluck();
      for (const k of keys) m.set(k, (q.get(k) as string | undefined) ?? String(k));
    } else for (const k of keys) m.set(k, k === null ? NO_PROCEDURE : String(k));
    return m;
  }

  compute(a: IndicatorsComputeArgs, scope: CaseScope): IndicatorsResult {
    const period: Period = { from: a.from, to: a.to };
    const f = this.filter(a);
    const court = this.source(this.db, period, scope, f, 'court');
    const total = computeIndicators(court.get(0) ?? emptyTally(), period);
    const filters = [a.division, a.judge, a.stage, a.procedure, a.cause].filter((x) => x !== undefined);
    const result: IndicatorsResult = { from: a.from, to: a.to, scope: [scopeLabel(scope), ...filters].join(' · '), total };
    if (!a.by) return result;
    const tallies = this.source(this.db, period, scope, f, a.by);
    const names = this.names(a.by, [...tallies.keys()]);
    const groups: IndicatorGroup[] = [...tallies].map(([k, t]) => ({ name: names.get(k)!, values: computeIndicators(t, period) }));
    // Name order, the reader's own, never a rank (不得通报排名).
    groups.sort((x, y) => x.name.localeCompare(y.name, 'zh-CN'));
    return { ...result, by: a.by, groups };
  }
}
