// What the case page shows beside the record: the catalogue of its cause, its conversion, the reviews and searches
// of its closing, its reopenings, its 先行调解 and the cases filed after it that name it as their origin.
import type { Database } from 'better-sqlite3';
import type { CaseDetail } from '../../../shared/cases/api';
import type { CauseCatalogId, PrecedentPlatform, ReviewView } from '../../../shared/cases/caseWork';
import type { CaseRow } from './caseRow';
import { mediationView } from './mediation';
import { inScope } from './caseScope';
import type { CaseScope } from '../../../shared/accounts/roles';

type Extras = Pick<CaseDetail, 'causeCatalog' | 'convertedOn' | 'reviews' | 'precedentSearches' | 'reopenings' | 'mediation' | 'followUps'>;

/** scope: the reader's; the cases filed after this one are named only when he may open them. */
export function caseExtras(db: Database, row: CaseRow, today: string, scope: CaseScope): Extras {
  const reviews = db.prepare(
    `SELECT reviewer, reviewer_role AS reviewerRole, reviewed_on AS reviewedOn, action, four_categories AS fourCategories, recorded_by AS recordedBy
     FROM case_reviews WHERE case_id = ? ORDER BY id`,
  ).all(row.id) as Array<Omit<ReviewView, 'fourCategories'> & { fourCategories: number }>;
  const searches = db.prepare(
    `SELECT platforms, query, references_found AS refs, none_found AS noneFound, searched_on AS searchedOn, recorded_by AS recordedBy
     FROM precedent_searches WHERE case_id = ? ORDER BY id`,
  ).all(row.id) as Array<{ platforms: string; query: string; refs: string; noneFound: number; searchedOn: string; recordedBy: string }>;
  return {
    causeCatalog: (row.cause_catalog as CauseCatalogId | null) ?? null,
    convertedOn: row.converted_on ?? null,
    reviews: reviews.map((r) => ({ ...r, fourCategories: r.fourCategories === 1 })),
    precedentSearches: searches.map((s) => ({
      platforms: s.platforms.split('、') as PrecedentPlatform[], query: s.query, references: s.refs ? s.refs.split('、') : [], noneFound: s.noneFound === 1,
      searchedOn: s.searchedOn, recordedBy: s.recordedBy,
    })),
    reopenings: db.prepare(
      `SELECT closed_on AS closedOn, closing_method AS closingMethod, reason, reopened_by AS reopenedBy, reopened_on AS reopenedOn
       FROM case_reopenings WHERE case_id = ? ORDER BY id`,
    ).all(row.id) as CaseDetail['reopenings'],
    mediation: mediationView(db, row.id, today),
    followUps: (db.prepare('SELECT case_number, division_id, judge_id FROM cases WHERE origin_case_number = ? ORDER BY filed_on, id').all(row.case_number) as Array<{ case_number: string; division_id: number; judge_id: number }>)
      .filter((c) => inScope(scope, c))
      .map((c) => c.case_number),
  };
}
