// Migration 13: covering indexes for what the indicator dashboard still reads from the cases (案-件比's walk, 先行调解 of received cases, stock days not kept).
import type { Migration } from './types';

export const migration0013: Migration = {
  version: 13,
  name: 'covering indexes for the 案-件比 walk and received cases',
  up(db) {
    db.exec(`
      -- The period's received first-instance cases (the 案 of 案-件比) and the received cases whose 先行调解 is looked
      -- up, read from the index alone: at 1M cases the row lookups were most of a month's dashboard.
      CREATE INDEX cases_filed_cover ON cases(filed_on, type_code, case_number, judge_id, division_id);
      -- The walk along 原审案号 reads only case numbers: the old index sent every step to the table row.
      DROP INDEX cases_origin;
      CREATE INDEX cases_origin ON cases(origin_case_number, case_number) WHERE origin_case_number IS NOT NULL;
      -- A stock day not kept yet is computed from the open cases and those closed after it (stockDays.fromCasesSql):
      -- two partial indexes it reads now carry what it needs, so the day costs an index range, not a row per open
      -- case (50 ms to 11 ms at 1M). cases_closed is widened in place (same leading column); the open cases get an
      -- index of their own, read by name (INDEXED BY), because a wider cases_open_filed turned the case list's
      -- open-cases plan into a scan of cases_filed.
      CREATE INDEX cases_open_stock ON cases(filed_on, judge_id, division_id, due_on, closed_on) WHERE closed_on IS NULL;
      DROP INDEX cases_closed;
      CREATE INDEX cases_closed ON cases(closed_on, filed_on, judge_id, division_id, due_on) WHERE closed_on IS NOT NULL;
      -- A case's 先行调解 outcome and end without its row.
      CREATE INDEX mediations_case_ended ON mediations(case_id, ended_on, outcome);
    `);
  },
};
