// Pages of 100 rows: the page numbers the API accepts, and which of them the pager offers.
export const PAGE_SIZE = 100;
/** The API accepts offsets up to 10,000,000. */
export const MAX_PAGE = 100_000;

/** A page number within 1..MAX_PAGE (1 for anything that is not a whole number). */
export function clampPage(page: number): number {
  if (!Number.isSafeInteger(page) || page < 1) return 1;
  return Math.min(page, MAX_PAGE);
}

/** The pages a count gives, at least 1. */
export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

/**
 * The page numbers to show around the current one: first, last, and two either side, with null for a gap.
 * Without a known total, the pages up to the current one (and the next when more rows follow).
 */
export function pageWindow(page: number, total: number | null, hasMore: boolean): Array<number | null> {
  const last = total !== null ? pageCount(total) : hasMore ? page + 1 : page;
  const wanted = new Set<number>([1, last]);
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= last) wanted.add(p);
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: Array<number | null> = [];
  for (const p of sorted) {
    const prev = out.length ? out[out.length - 1] : null;
    // A gap of one page shows that page rather than "…".
    if (prev !== null && p - prev === 2) out.push(prev + 1);
    else if (prev !== null && p - prev > 2) out.push(null);
    out.push(p);
  }
  return out;
}
