// Migration 2: the trigram full-text index over case numbers and party names, filled with the cases already there.
import type { Migration } from './types';

/*
 * The document is the one this migration wrote when it shipped (ac174bc): the whole case number, then the parties.
 * 714b383 changed the live document (no brackets, no court code) without a migration, so databases indexed before it
 * kept the old one; migration 4 rebuilds every index with the new document. The document here stays as shipped.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'search index: case numbers and party names, trigram full-text',
  up(db) {
    // Contentless trigram index: any substring of 3+ characters is one index lookup; shorter queries are
    // expanded through the vocabulary table (see cases/search.ts). The text lives in cases, not twice.
    db.exec(`
        CREATE VIRTUAL TABLE case_search USING fts5(doc, tokenize = 'trigram', content = '', contentless_delete = 1);
        CREATE VIRTUAL TABLE case_search_vocab USING fts5vocab(case_search, 'row');
        INSERT INTO case_search (rowid, doc)
          SELECT id, case_number || ' ' || plaintiffs || '、' || defendants || '、' FROM cases;
      `);
  },
};
