// Migration 7: what lists need of a stopped clock (中止 or another open period): its frozen days remaining, and one
// sort key over every case so that sorting by due date never drops a case.
import type { Migration } from './types';

/*
 * due_order: the due date for a running or closed case, 'S' and the frozen days remaining (offset to be positive and
 * zero-padded, so text order is number order) for a stopped clock, whose due date moves every day, and 'Z' for a case
 * without a time limit; one index gives every sort by due date its order, whatever the filter. The columns are filled
 * by the time-limit engine (cases/caseRow.ts), which the app runs over every case when its rules change (see
 * deadlines/derivedVersion.ts); this migration only makes room, so it keeps meaning what it meant.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'stopped clocks: frozen days remaining, and a due-date sort key for every case',
  up(db) {
    db.exec(`
      ALTER TABLE cases ADD COLUMN frozen_remaining INTEGER;
      ALTER TABLE cases ADD COLUMN due_order TEXT;
      CREATE INDEX cases_due_order ON cases(due_order, id);
      CREATE INDEX cases_stopped_remaining ON cases(frozen_remaining) WHERE clock = 'suspended' OR clock = 'paused';
    `);
  },
};
