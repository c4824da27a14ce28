// `courtdesk seed` writes the same 先行调解 records whichever thread prepared the rows: they cross from the worker
// inside its messages, so both paths must give the same mediations, events and cases, on a "today" after 2025.
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { cli, ensureBuilt, initDb } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';

const TODAY = '2026-03-10';

beforeAll(() => ensureBuilt(), 300_000);

describe('seed after 2025', () => {
  it('writes the same mediations on the worker thread as in-thread', () => {
    const t = tempDir();
    try {
      const outs = [['thread', '0'], ['worker', '1']].map(([name, worker]) => {
        const file = path.join(t.dir, `${name}.sqlite`);
        initDb(file, undefined, { demo: true });
        const s = cli(['--db', file, '--json', '--today', TODAY, 'seed', '--cases', '3000', '--seed', '42'], { COURTDESK_SEED_WORKER: worker });
        expect(s.code, s.err).toBe(0);
        const d = new BetterSqlite3(file, { readonly: true });
        try {
          const dump = (sql: string) => d.prepare(sql).raw().all();
          return {
            mediations: dump('SELECT case_id, destination, mediator, received_on, base_days, extension_days, consent_on, ended_on, outcome, row_version FROM mediations ORDER BY id'),
            events: dump("SELECT case_id, kind, from_on, to_on FROM case_events WHERE kind = '先行调解延长' ORDER BY id"),
            cases: dump('SELECT case_number, closed_on, closing_method, clock, due_on, deducted_days FROM cases WHERE id IN (SELECT case_id FROM mediations) ORDER BY id'),
          };
        } finally {
          d.close();
        }
      });
      expect(outs[0]).toEqual(outs[1]);
      expect(outs[0].mediations.length).toBeGreaterThan(30);
      expect(outs[0].events.length).toBeGreaterThan(5);
    } finally {
      t.cleanup();
    }
  }, 120_000);
});
