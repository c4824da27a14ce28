// Migration 21: tally_links.simple for a root 案 whose whole tree of linked cases (any depth) holds no first-instance case, kept by triggers up every chain, so the 案-件比 walk starts from the few 案 left.
import type { Database } from 'better-sqlite3';
import type { Migration } from './types';

/** The number of this migration, written once: its test and the renumbering at a merge read it from here. */
export const DEEP_LINKS_VERSION = 21;

/*
 * Literal SQL built by functions local to this file (never the live code's constants), so the migration keeps doing
 * what it did.
 *
 * Migration 19 summed, unwalked, a root 案 (no 原审案号 of its own) whose linked cases are no first-instance case and
 * are named by no case in turn. At 1M a year still walked 1,056 seeds, nearly all roots of 民初 → 执 → 执异. The rule
 * holds at any depth: a case names one 原审案号 and case numbers are unique, so the cases reached from a root form a
 * tree in which each case is reached from the root alone when no case inside the tree is first-instance (only a
 * first-instance case can be a 案, so no seed sits between the root and any of them), and none is a 案 itself. Such a
 * root contributes exactly its number of descendants to the 件 of its groups, which simple now holds; any other 案
 * has 0 and is walked as before.
 *
 * Walking down from a root needs no dedup: a case on a cycle of origins has its 原审 on the cycle, so no path from a
 * case without one (the root) enters a cycle, and each case of the tree is reached once, through its one 原审. Walking
 * up from a changed case may go round a cycle, so that walk uses UNION.
 */
const FIRST = (x: string) => `${x}.type_code IN ('民初', '刑初', '行初')`;

/** simple of the case p (alias of cases): the size of its tree when p is a root and the tree holds no first-instance case. */
const SIMPLE = `CASE WHEN p.origin_case_number IS NULL THEN (
      WITH RECURSIVE tree(case_number, first) AS (
        SELECT d.case_number, ${FIRST('d')} FROM cases d WHERE d.origin_case_number = p.case_number
        UNION ALL SELECT e.case_number, ${FIRST('e')} FROM tree t JOIN cases e ON e.origin_case_number = t.case_number
      ) SELECT CASE WHEN max(first) = 0 THEN count(*) ELSE 0 END FROM tree) ELSE 0 END`;

/**
 * Re-derives tally_links' rows, with simple, of the cases numbered by `nums` (an SQL list in brackets): whether a case
 * has a row depends on itself and the cases naming it, so a change re-derives those of the case's numbers and 原审案号s.
 */
function refreshLinks(nums: string): string {
  return `DELETE FROM tally_links WHERE case_number IN ${nums};
    INSERT INTO tally_links (case_number, filed_on, judge_id, division_id, simple)
      SELECT p.case_number, p.filed_on, p.judge_id, p.division_id, ${SIMPLE} FROM cases p
      WHERE p.case_number IN ${nums} AND ${FIRST('p')} AND EXISTS (SELECT 1 FROM cases d WHERE d.origin_case_number = p.case_number);`;
}

/**
 * Re-derives simple of every 案 above the cases numbered `origins` (a VALUES list), up to each chain's root (when
 * `when` holds, if given): a case gained or lost below them, or turned first-instance or back, changes the tree of each. UNION
 * ends a cycle of origins; the walk up is one statement, evaluated once per change.
 */
function refreshAbove(origins: string, when?: string): string {
  return `UPDATE tally_links SET simple = (SELECT ${SIMPLE} FROM cases p WHERE p.case_number = tally_links.case_number)
      WHERE ${when ? `(${when}) AND ` : ''}case_number IN (WITH RECURSIVE up(case_number) AS (VALUES ${origins}
        UNION SELECT a.origin_case_number FROM up JOIN cases a ON a.case_number = up.case_number WHERE a.origin_case_number IS NOT NULL)
      SELECT case_number FROM up WHERE case_number IS NOT NULL);`;
}

const LINK_SOURCES = ['case_number', 'origin_case_number', 'filed_on', 'judge_id', 'division_id', 'type_code'];
const differs = (cols: string[]) => cols.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
/** A change that moves the trees above the case: its place, its number (the cases naming it), whether it is first-instance. */
const MOVES_TREES = `OLD.origin_case_number IS NOT NEW.origin_case_number OR OLD.case_number IS NOT NEW.case_number OR (${FIRST('OLD')}) IS NOT (${FIRST('NEW')})`;

function up(db: Database): void {
  /*
   * Migration 19's link triggers are replaced under the same names (tallyBulk.ts drops and recreates them from their
   * stored SQL): each re-derives the rows of the case's numbers and 原审案号s, then simple of every 案 above.
   */
  db.exec(`
    DROP TRIGGER cases_tally_links_insert;
    DROP TRIGGER cases_tally_links_delete;
    DROP TRIGGER cases_tally_links_update;
  `);
  fillDeepLinkSimple(db);
  db.exec(`
    CREATE TRIGGER cases_tally_links_insert AFTER INSERT ON cases
      WHEN ${FIRST('NEW')} OR NEW.origin_case_number IS NOT NULL BEGIN
      ${refreshLinks('(NEW.case_number, NEW.origin_case_number)')}
      ${refreshAbove('(NEW.origin_case_number)')}
    END;
    CREATE TRIGGER cases_tally_links_delete AFTER DELETE ON cases
      WHEN ${FIRST('OLD')} OR OLD.origin_case_number IS NOT NULL BEGIN
      ${refreshLinks('(OLD.case_number, OLD.origin_case_number)')}
      ${refreshAbove('(OLD.origin_case_number)')}
    END;
    CREATE TRIGGER cases_tally_links_update AFTER UPDATE OF ${LINK_SOURCES.join(', ')} ON cases WHEN ${differs(LINK_SOURCES)} BEGIN
      ${refreshLinks('(OLD.case_number, NEW.case_number, OLD.origin_case_number, NEW.origin_case_number)')}
      ${refreshAbove('(OLD.origin_case_number), (NEW.origin_case_number)', MOVES_TREES)}
    END;
    -- The walk's seeds, the 案 of a period with simple 0: a few of a year's 15,000 rows at 1M.
    CREATE INDEX tally_links_walk ON tally_links(filed_on, judge_id, division_id, case_number) WHERE simple = 0;
  `);
}

/**
 * Sets simple on every row of tally_links by this rule, set-based: here, and after a bulk load refilled the table with
 * simple 0 (tallyBulk.ts). Only rows whose value changes are written, so the month rows' triggers, when on, move
 * only those.
 */
export function fillDeepLinkSimple(db: Database): void {
  db.exec(`
    WITH RECURSIVE tree(root, case_number, first) AS (
      SELECT p.case_number, d.case_number, ${FIRST('d')} FROM tally_links l
        JOIN cases p ON p.case_number = l.case_number AND p.origin_case_number IS NULL
        JOIN cases d ON d.origin_case_number = p.case_number
      UNION ALL SELECT t.root, e.case_number, ${FIRST('e')} FROM tree t JOIN cases e ON e.origin_case_number = t.case_number
    ), sized(case_number, n) AS (SELECT root, count(*) FROM tree GROUP BY root HAVING max(first) = 0)
    UPDATE tally_links SET simple = v.n
      FROM (SELECT l.case_number, coalesce(s.n, 0) AS n FROM tally_links l LEFT JOIN sized s ON s.case_number = l.case_number) v
      WHERE v.case_number = tally_links.case_number AND tally_links.simple IS NOT v.n`);
}

export const migration0021: Migration = { version: DEEP_LINKS_VERSION, name: 'the 案 whose whole tree of linked cases holds no first-instance case need no walk', up };
