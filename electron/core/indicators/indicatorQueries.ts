// indicators.compute: resolves the scope filters, asks a tally source for per-group tallies, applies the formulas.
import type { Database } from 'better-sqlite3';
import { scopeLabel, type CaseScope } from '../../../shared/accounts/roles';
import { computeIndicators, emptyTally, type Period, type Tally } from '../../../shared/indicators/formulas';
import type { GroupBy, IndicatorGroup, IndicatorsComputeArgs, IndicatorsResult } from '../../../shared/indicators/api';
import { InputError } from '../kernel/errors';
import { sqlDocketJudges, sqlTallies, type GroupKey, type TallyFilter } from './sqlTallies';
import { preaggDocketJudges, preaggTallies } from './preaggTallies';
import { sumTallies } from './sortedDurations';
import { prepared } from './statements';

/** Where tallies come from: the plain SQL pass, or the pre-aggregated tables (which fall back to it), behind the same signatures. */
export interface TallySource {
  tallies(db: Database, p: Period, scope: CaseScope, f: TallyFilter, by: GroupBy | 'court'): Map<GroupKey, Tally>;
  /** Distinct judges on the docket of the whole scope: the one figure the groups' tallies cannot add up to. */
  docketJudges(db: Database, p: Period, scope: CaseScope, f: TallyFilter): number;
}

export const SQL_SOURCE: TallySource = { tallies: sqlTallies, docketJudges: sqlDocketJudges };
/** The default: migration 12's tables for court, division and judge figures; the plain pass for stage, procedure, cause. */
export const PREAGG_SOURCE: TallySource = { tallies: preaggTallies, docketJudges: preaggDocketJudges };

/** Chinese name order; one collator, since localeCompare with a locale builds one per comparison. */
const NAME_ORDER = new Intl.Collator('zh-CN');

/** The name shown for a case without a recorded procedure (most stages have none). */
export const NO_PROCEDURE = '（未记录程序）';

export class IndicatorQueries {
  constructor(
    private readonly db: Database,
    private readonly source: TallySource = PREAGG_SOURCE,
  ) {}

  /** Names to ids; a name that names nothing is an input error naming its field. */
  filter(a: Omit<IndicatorsComputeArgs, 'by'>): TallyFilter {
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
      // One statement for every group's name, not one per group (sixty judges).
      const rows = prepared(this.db, `SELECT id, name FROM ${by === 'division' ? 'divisions' : 'staff'} WHERE id IN (SELECT value FROM json_each(?))`)
        .raw().all(JSON.stringify(keys)) as Array<[number, string]>;
      const found = new Map(rows);
      for (const k of keys) m.set(k, found.get(k as number) ?? String(k));
    } else for (const k of keys) m.set(k, k === null ? NO_PROCEDURE : String(k));
    return m;
  }

  compute(a: IndicatorsComputeArgs, scope: CaseScope): IndicatorsResult {
    const period: Period = { from: a.from, to: a.to };
    const f = this.filter(a);
    const filters = [a.division, a.judge, a.stage, a.procedure, a.cause].filter((x) => x !== undefined);
    const scopeText = [scopeLabel(scope), ...filters].join(' · ');
    if (!a.by) {
      const court = this.source.tallies(this.db, period, scope, f, 'court');
      return { from: a.from, to: a.to, scope: scopeText, total: computeIndicators(court.get(0) ?? emptyTally(), period) };
    }
    // With groups, the court figure is their sum (every case is in exactly one group, and each linked 件 hangs off
    // one 案: test/db/indicators.test.ts checks every grouping adds up), but for the judges, counted once court-wide.
    const tallies = this.source.tallies(this.db, period, scope, f, a.by);
    const court = sumTallies([...tallies.values()]);
    court.judges = this.source.docketJudges(this.db, period, scope, f);
    const result: IndicatorsResult = { from: a.from, to: a.to, scope: scopeText, total: computeIndicators(court, period) };
    const names = this.names(a.by, [...tallies.keys()]);
    const groups: IndicatorGroup[] = [...tallies].map(([k, t]) => ({ name: names.get(k)!, values: computeIndicators(t, period) }));
    // Name order, the reader's own, never a rank (不得通报排名).
    groups.sort((x, y) => NAME_ORDER.compare(x.name, y.name));
    return { ...result, by: a.by, groups };
  }
}
