// The registry of a package's data parts: each domain's declared sources, plus the deletions log (a core table no domain owns), in DATA_PARTS order.
import type { Database } from 'better-sqlite3';
import { DATA_PARTS, DELETION_ENTITIES, type DataPart, type DeletionRow } from '../../../../shared/exchange/parts';
import { casesExchangeParts } from '../../cases/exchangeParts';
import { extensionsExchangeParts } from '../../extensions/exchangeParts';
import { indicatorsExchangeParts } from '../../indicators/exchangeParts';
import { auditExchangeParts } from '../../audit/exchangeParts';
import { ledgerExchangeParts } from '../../ledger/exchangeParts';
import type { PartSelection, PartSource } from './partSource';

/** Deletions since the base package; a full package replaces everything at the receiver and carries none. */
function* deletionRows(db: Database, sel: PartSelection): Iterable<DeletionRow> {
  if (sel.sinceRowVersion === null) return;
  const entities = DELETION_ENTITIES.map((e) => `'${e}'`).join(', ');
  const stmt = db.prepare(`SELECT entity, entity_key AS key, deleted_at AS deletedAt FROM deletions
    WHERE row_version > ? AND entity IN (${entities}) ORDER BY id`);
  yield* stmt.iterate(sel.sinceRowVersion) as Iterable<DeletionRow>;
}

const SOURCES: PartSource[] = [
  ...casesExchangeParts,
  ...extensionsExchangeParts,
  ...indicatorsExchangeParts,
  ...auditExchangeParts,
  ...ledgerExchangeParts,
  { part: 'deletions.ndjson', format: 'ndjson', rows: deletionRows },
];

/** Every part exactly once, in DATA_PARTS order; a part declared twice or not at all is a programming error. */
export function partSources(): PartSource[] {
  const byPart = new Map<DataPart, PartSource>();
  for (const s of SOURCES) {
    if (byPart.has(s.part)) throw new Error(`exchange part declared twice: ${s.part}`);
    byPart.set(s.part, s);
  }
  return DATA_PARTS.map((p) => {
    const s = byPart.get(p);
    if (!s) throw new Error(`exchange part not declared: ${p}`);
    return s;
  });
}
