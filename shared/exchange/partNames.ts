// The entries of a package, fixed by formatVersion 1: the three outer ones, and the inner parts in their order.
export const OUTER_ENTRIES = ['manifest.json', 'manifest.json.minisig', 'payload.age'] as const;
export const DATA_PARTS = ['cases.ndjson', 'events.ndjson', 'extension_requests.ndjson', 'extension_decisions.ndjson', 'indicators.json', 'ranges.json', 'deletions.ndjson'] as const;
export type DataPart = (typeof DATA_PARTS)[number];
export const INNER_ENTRIES = ['content.json', ...DATA_PARTS] as const;
