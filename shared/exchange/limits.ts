// The exchange package's size limits (the exchange format's Limits): the ZIP readers and the parsers enforce them.
export const PACKAGE_LIMITS = {
  packageBytes: 256 * 2 ** 20,
  manifestBytes: 64 * 2 ** 10,
  signatureBytes: 2 * 2 ** 10,
  innerEntries: 16,
  inflatedTotal: 2 * 2 ** 30,
  ndjsonLineBytes: 2 ** 20,
  rows: 5_000_000,
} as const;
