// Which cases each counter of the tally counts, as SQL conditions over `cases c`: the lists behind a figure
// (caseDrill.ts) are these conditions; test/db/indicatorCases.test.ts checks every list's length against the tally's count.
export const FIRST = "c.type_code IN ('民初', '刑初', '行初')";
export const RES = 'c.closed_on BETWEEN @from AND @to';
const PEND = '(c.closed_on IS NULL OR c.closed_on > @to)';
// An appeal outcome implies an appeal, whether or not 是否上诉 was filled in. Never NULL: an unknown 是否上诉 is "not
// appealed", and NOT of a NULL would drop the case from 服判息诉 instead.
const APPEALED = '(coalesce(c.appealed, 0) = 1 OR c.appeal_outcome IS NOT NULL)';
const EXTENDED = '(c.ext_months > 0 OR c.ext_days > 0)';
/** A 先行调解 ended settled: any ending but 调解不成转审理 (调解成功, 撤诉, 当场履行). */
export const SETTLED = "(m.ended_on IS NOT NULL AND m.outcome <> '调解不成转审理')";
/** Whether a received case's 先行调解 ended settled by `to`: looked up only for received cases (CASE is lazy). */
const SETTLED_BY_TO = `CASE WHEN c.filed_on >= @from THEN EXISTS (SELECT 1 FROM mediations m WHERE m.case_id = c.id AND ${SETTLED} AND m.ended_on <= @to) END`;
const CIVIL = "substr(c.type_code, 1, 1) = '民'";

/*
 * Every tally counter as one SUM over the cases of the period; SQLite's comparisons are 0/1 (NULL counts nothing).
 * The order of the columns is the order of the names: the row is read back by name.
 */
export const COUNTERS: Record<string, string> = {
  received: 'c.filed_on >= @from',
  receivedAdvanceSettled: SETTLED_BY_TO,
  carriedOver: 'c.filed_on < @from AND (c.closed_on IS NULL OR c.closed_on >= @from)',
  resolved: RES,
  pending: PEND,
  resolvedWithLimit: `${RES} AND c.closed_overdue IS NOT NULL`,
  resolvedOnTime: `${RES} AND c.closed_overdue = 0`,
  resolvedExtended: `${RES} AND c.closed_overdue IS NOT NULL AND ${EXTENDED}`,
  resolvedNormalOnTime: `${RES} AND c.closed_overdue = 0 AND NOT ${EXTENDED}`,
  longPending12: `${PEND} AND c.filed_on < @cut12`,
  longPending18: `${PEND} AND c.filed_on < @cut18`,
  longPending36: `${PEND} AND c.filed_on < @cut36`,
  age0: `${PEND} AND c.filed_on >= @age0`,
  age1: `${PEND} AND c.filed_on < @age0 AND c.filed_on >= @age1`,
  age2: `${PEND} AND c.filed_on < @age1 AND c.filed_on >= @age2`,
  age3: `${PEND} AND c.filed_on < @age2 AND c.filed_on >= @age3`,
  age4: `${PEND} AND c.filed_on < @age3 AND c.filed_on >= @age4`,
  age5: `${PEND} AND c.filed_on < @age4`,
  overduePending: `${PEND} AND c.due_on < @to`,
  firstResolved: `${RES} AND ${FIRST}`,
  firstByJudgmentOrRuling: `${RES} AND ${FIRST} AND c.closing_method IN ('判决', '裁定', '驳回起诉')`,
  firstAppealed: `${RES} AND ${FIRST} AND ${APPEALED}`,
  firstReversed: `${RES} AND ${FIRST} AND c.appeal_outcome = '改判'`,
  firstRemanded: `${RES} AND ${FIRST} AND c.appeal_outcome = '发回重审'`,
  firstNotAppealed: `${RES} AND ${FIRST} AND NOT ${APPEALED}`,
  civilResolved: `${RES} AND ${CIVIL}`,
  civilMediated: `${RES} AND ${CIVIL} AND c.closing_method = '调解'`,
  civilWithdrawn: `${RES} AND ${CIVIL} AND c.closing_method = '撤诉'`,
  preMediationClosed: `${RES} AND c.type_code = '诉前调'`,
  preMediationSettled: `${RES} AND c.type_code = '诉前调' AND c.closing_method IN ('调解', '撤诉')`,
  caseCount: `c.filed_on >= @from AND ${FIRST}`,
  enforcementResolved: `${RES} AND c.type_code = '执'`,
  enforcementCompleted: `${RES} AND c.type_code = '执' AND c.closing_method = '执行完毕'`,
  judgmentResolved: `${RES} AND c.closing_method = '判决'`,
  judgmentReviewed: `${RES} AND c.closing_method = '判决' AND c.reviewed = 1`,
  judgmentPrecedent: `${RES} AND c.closing_method = '判决' AND c.precedent_searched = 1`,
};
