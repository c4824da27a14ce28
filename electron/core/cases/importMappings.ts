// The column mappings people gave for spreadsheets with unknown headers, remembered per set of headers in the settings table, so next month's file of the same system imports without asking again.
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { headerSetKey, mappingForFile, unknownHeaders, type ColumnMapping } from '../../../shared/cases/importMapping';
import { SettingsStore } from '../settings/settingsStore';

const KEY_PREFIX = 'importMapping:';

interface Stored {
  /** The unknown headers it answers, for whoever reads the settings table. */
  headers: string[];
  mapping: ColumnMapping;
}

/** The settings key of a file's header set; null when every header is known and nothing needs remembering. */
export function mappingKey(headers: readonly unknown[]): string | null {
  const set = headerSetKey(headers);
  return set === null ? null : KEY_PREFIX + createHash('sha256').update(set).digest('hex').slice(0, 32);
}

/** The mapping remembered for a file with these headers, kept to what the file can use; null when there is none. */
export function rememberedMapping(db: Database, headers: readonly unknown[]): ColumnMapping | null {
  const key = mappingKey(headers);
  if (!key) return null;
  const stored = new SettingsStore(db).get<Stored | null>(key, null);
  return stored ? mappingForFile(headers, stored.mapping) : null;
}

/**
 * Remembers the mapping a person confirmed by importing with it (audited like any setting). Asking again with the
 * same mapping writes nothing: re-importing a file must not even add an audit entry.
 */
export function rememberMapping(db: Database, headers: readonly unknown[], mapping: ColumnMapping, actor: string): boolean {
  const key = mappingKey(headers);
  const kept = mappingForFile(headers, mapping);
  if (!key || Object.keys(kept).length === 0) return false;
  const settings = new SettingsStore(db);
  const stored = settings.get<Stored | null>(key, null);
  if (stored && sameMapping(stored.mapping, kept)) return false;
  settings.set(key, { headers: unknownHeaders(headers), mapping: kept } satisfies Stored, actor, 'import.mapping');
  return true;
}

function sameMapping(a: ColumnMapping, b: ColumnMapping): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && a[k] === b[k]);
}
