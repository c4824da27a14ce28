// Migration 11: which judges an assistant (法官助理) serves, so he may ask for an extension for them; and on a request, who entered it when that was not the judge himself.
import type { Migration } from './types';

export const migration0011: Migration = {
  version: 11,
  name: 'assistants serve judges; a request entered by an assistant for his judge',
  up(db) {
    db.exec(`
      -- One row per assistant and judge he serves (an assistant may serve several, a judge have several). Set by the
      -- administrator with the accounts; a row, not a column, because the link is many to many.
      CREATE TABLE assistant_judges (
        assistant_id INTEGER NOT NULL REFERENCES staff(id),
        judge_id INTEGER NOT NULL REFERENCES staff(id),
        created_at TEXT NOT NULL,
        PRIMARY KEY (assistant_id, judge_id),
        CHECK (assistant_id <> judge_id)
      ) WITHOUT ROWID;
      CREATE INDEX assistant_judges_judge ON assistant_judges(judge_id);

      -- requested_by stays the judge the request is for (the rules and "nobody signs his own request" read it);
      -- entered_by is the assistant who asked for him, null when the judge asked himself.
      ALTER TABLE extension_requests ADD COLUMN entered_by INTEGER REFERENCES staff(id);
    `);
  },
};
