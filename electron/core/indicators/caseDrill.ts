// indicators.cases: the cases behind one part of an indicator, chosen by the very conditions the tally pass counts with.
import type { Database } from 'better-sqlite3';
import { scopeClause, type CaseQueries } from '../cases/caseQueries';
import { scopeLabel, type CaseScope } from '../../../shared/accounts/roles';
import type { IndicatorCasesResult, IndicatorsCasesArgs } from '../../../shared/indicators/api';
import { indicatorsCasesArgs } from '../../../shared/indicators/api';
import { partOf, partTitle, type PartSource } from '../../../shared/indicators/parts';
import { INDICATORS } from '../../../shared/indicators/catalogue';
import type { CaseRow } from '../cases/caseRow';
import { InputError } from '../kernel/errors';
import { COUNTERS, FIRST, RES, SETTLED } from './caseConditions';
import { periodParams, whereOf } from './sqlTallies';
import type { IndicatorQueries } from './indicatorQueries';

/** The tally pass reads only the cases on the docket in the period (tallySql's two index ranges), said as one term. */
const DOCKET = '(c.filed_on <= @to AND (c.closed_on IS NULL OR c.closed_on >= @from))';

/**
 * One source's condition on a case c. Counters are the pass's own text within its docket; the 先行调解 sets are the
 * mediation pass's (any 民初 case whose mediation ended in the period); the 执 amounts are the SUMS' own condition.
 */
function sourceCondition(source: PartSource): string {
  if (source in COUNTERS) return `(${DOCKET} AND ${COUNTERS[source]})`;
  switch (source) {
    case 'advanceEnded':
      return "(c.type_code = '民初' AND c.id IN (SELECT m.case_id FROM mediations m WHERE m.ended_on BETWEEN @from AND @to))";
    case 'advanceSettled':
      return `(c.type_code = '民初' AND c.id IN (SELECT m.case_id FROM mediations m WHERE m.ended_on BETWEEN @from AND @to AND ${SETTLED}))`;
    case 'enforcementClaimed':
      return `(${DOCKET} AND ${RES} AND c.type_code = '执' AND c.enforcement_claim_fen IS NOT NULL)`;
    default:
      throw new Error(`unknown indicator part source ${source}`);
  }
}

export class CaseDrill {
  constructor(
    private readonly db: Database,
    private readonly queries: IndicatorQueries,
    private readonly caseQueries: CaseQueries,
  ) {}

  cases(args: IndicatorsCasesArgs, scope: CaseScope, today: string): IndicatorCasesResult {
    const a = indicatorsCasesArgs.parse(args);
    const def = partOf(a.id, a.part);
    if (!def) throw new InputError(`“${INDICATORS[a.id].name}”没有可以打开的${a.part === 'numerator' ? '分子' : a.part === 'denominator' ? '分母' : '这一部分'}`, 'part');
    const f = this.queries.filter(a);
    const filters = [a.division, a.judge, a.stage, a.procedure, a.cause].filter((x) => x !== undefined);
    const base = { title: partTitle(a.id, a.part, a.from, a.to), scope: [scopeLabel(scope), ...filters].join(' · '), offset: a.offset };
    const params: Record<string, unknown> = { ...periodParams(a) };
    const w = whereOf(scope, f, params);
    if (w.empty) return { ...base, total: 0, rows: [], hasMore: false, outOfScope: 0 };
    let where: string;
    let outOfScopeSql: string | null = null;
    if (def.sources.includes('items')) {
      /*
       * 件: the tally's recursive walk from the period's first-instance 案 of the scope and filters, whoever holds the
       * later cases. The list shows those within the reader's case scope; the rest are counted, not shown.
       */
      const linked = `WITH RECURSIVE linked(case_number) AS (
          SELECT c.case_number FROM cases c WHERE c.filed_on BETWEEN @from AND @to AND ${FIRST}${w.clauses.length ? ` AND ${w.clauses.join(' AND ')}` : ''}
          UNION SELECT d.case_number FROM linked l JOIN cases d ON d.origin_case_number = l.case_number)`;
      const own: string[] = [];
      scopeClause(scope, own, params);
      where = `c.case_number IN (${linked} SELECT case_number FROM linked)${own.length ? ` AND ${own.join(' AND ')}` : ''}`;
      outOfScopeSql = own.length ? `${linked} SELECT count(*) FROM linked JOIN cases c ON c.case_number = linked.case_number WHERE NOT (${own.join(' AND ')})` : null;
    } else {
      where = [`(${def.sources.map(sourceCondition).join(' OR ')})`, ...w.clauses].join(' AND ');
    }
    const total = this.db.prepare(`SELECT count(*) FROM cases c WHERE ${where}`).pluck().get(params) as number;
    const rows = this.db.prepare(`SELECT c.*, d.name AS division_name, s.name AS judge_name
        FROM cases c CROSS JOIN divisions d ON d.id = c.division_id CROSS JOIN staff s ON s.id = c.judge_id
        WHERE ${where} ORDER BY c.filed_on DESC, c.id DESC LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: a.limit + 1, offset: a.offset }) as Array<CaseRow & { division_name: string; judge_name: string }>;
    const outOfScope = outOfScopeSql ? (this.db.prepare(outOfScopeSql).pluck().get(params) as number) : 0;
    return {
      ...base,
      total,
      rows: rows.slice(0, a.limit).map((r) => this.caseQueries.toListRow(r, r.division_name, r.judge_name, today)),
      hasMore: rows.length > a.limit,
      outOfScope,
    };
  }
}
