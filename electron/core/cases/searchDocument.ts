// The document the search index holds for a case, written by JavaScript (one case at a time) and by SQL (bulk loads).
/**
 * The case number without its brackets and court code, which every case of a court shares (indexing them made the
 * index a third larger and slower to build, and a whole pasted number is looked up by its unique key instead), then
 * the parties. It ends in a separator so that every two-character substring starts some trigram (see search.ts).
 *
 * The two forms must agree (test/db/caseQueries.test.ts). Changing the document needs a migration that rebuilds
 * case_search with the new one, as db/migrations/0004-search-document.ts did; test/db/schemaSnapshot.test.ts compares
 * an index written by the migrations with one written by this code, and fails until that migration exists.
 */
export function searchDocument(caseNumber: string, courtCode: string, plaintiffs: string, defendants: string): string {
  return `${caseNumber.replace(/[（）]/g, '').replace(courtCode, '')} ${plaintiffs}、${defendants}、`;
}

export const SEARCH_DOCUMENT_SQL =
  "replace(replace(replace(case_number, '（', ''), '）', ''), court_code, '') || ' ' || plaintiffs || '、' || defendants || '、'";
