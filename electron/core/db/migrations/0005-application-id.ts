// Migration 5: the file's SQLite application_id says it is a CourtDesk database, so another program's file is told apart.
import type { Migration } from './types';

export const migration0005: Migration = {
  version: 5,
  name: "application id: the file says it is CourtDesk's",
  up(db) {
    // 0x4344736B, "CDsk" in ASCII; db/connection.ts refuses a file that carries any other non-zero id.
    db.pragma('application_id = 1128559467');
  },
};
