// Migration tests: the live tally code's figures against the plain pass, on a copy of an older database brought to the latest version.
import path from 'node:path';
import { expect } from 'vitest';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../electron/core/db/connection';
import { sqlTallies } from '../../electron/core/indicators/sqlTallies';
import { preaggTallies } from '../../electron/core/indicators/preaggTallies';
import type { Period } from '../../shared/indicators/formulas';
import { tempDir } from './tempDb';

/**
 * The live code reads every migration's tables, later ones too: a migration's test opened at its own version checks
 * the figures on a copy (VACUUM INTO, the state of `db` now) that the later migrations upgrade, and leaves `db` as it was.
 */
export function expectFiguresAtLatest(db: Database, periods: readonly Period[]): void {
  const t = tempDir('courtdesk-latest-');
  try {
    const copy = path.join(t.dir, 'latest.sqlite');
    db.prepare('VACUUM INTO ?').run(copy);
    const { db: latest } = openDatabase(copy);
    try {
      for (const p of periods) for (const by of ['court', 'division', 'judge'] as const) {
        expect(preaggTallies(latest, p, { kind: 'all' }, {}, by), `${p.from}…${p.to} by ${by}`).toEqual(sqlTallies(latest, p, { kind: 'all' }, {}, by));
      }
    } finally {
      latest.close();
    }
  } finally {
    t.cleanup();
  }
}
