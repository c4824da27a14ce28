// The fixed entry names of an exchange package: the outer ZIP's three entries and the encrypted inner ZIP's parts.
export const OUTER_ENTRIES = ['manifest.json', 'manifest.json.minisig', 'payload.age'] as const;
export type OuterEntry = (typeof OUTER_ENTRIES)[number];

export const DATA_PARTS = [
  'cases.ndjson',
  'events.ndjson',
  'extension_requests.ndjson',
  'extension_decisions.ndjson',
  'indicators.json',
  'ranges.json',
  'deletions.ndjson',
  'audit_chain.json',
  'ledger.json',
] as const;
export type DataPart = (typeof DATA_PARTS)[number];

/** The only names the inner ZIP may hold (content.json and the data parts). */
export const INNER_ENTRIES = ['content.json', ...DATA_PARTS] as const;
export type InnerEntry = (typeof INNER_ENTRIES)[number];
