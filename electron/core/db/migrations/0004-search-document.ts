// Migration 4: rebuilds the search index with the document of 714b383 (no brackets, no court code), for every database.
import type { Migration } from './types';

/*
 * 714b383 changed the indexed document and the query (cases/search.ts strips brackets and the court's own code from
 * both) without a migration: databases indexed before it kept whole case numbers, where a fragment such as
 * "2024民初100" finds nothing. Rebuilding unconditionally is simpler than telling the two apart, and costs one pass
 * over cases, the same pass a bulk load ends with.
 *
 * 'delete-all' empties a contentless index at once, without reading each row's tokens back as DELETE would. The
 * document SQL is spelled out as it was when this shipped (cases/searchDocument.ts holds the live one); a later change
 * of the document needs its own migration like this one.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'search index rebuilt: case numbers without brackets and court code, then the parties',
  up(db) {
    db.exec(`
        INSERT INTO case_search (case_search) VALUES ('delete-all');
        INSERT INTO case_search (rowid, doc)
          SELECT id, replace(replace(replace(case_number, '（', ''), '）', ''), court_code, '') || ' ' || plaintiffs || '、' || defendants || '、'
          FROM cases;
      `);
  },
};
