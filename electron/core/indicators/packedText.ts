// Reads a group_concat text of non-negative integers (the packed tally reads) without splitting it into strings.

/**
 * Calls `each` with every number of `text` ("12,7,40…"), or returns false without calling it at all when the text
 * holds an 'x' (the packed reads send 'x' for a row that does not fit). Scanning the characters costs a tenth of
 * split(',').map(Number) on the 9,000 durations of a month at 1M, and makes no garbage. The packed reads' SQL yields
 * only non-negative integers below 2^53 or 'x', so the arithmetic is exact; anything else is a programming error.
 */
export function eachPacked(text: string, each: (v: number) => void): boolean {
  // indexOf is a native scan: a regular expression over a year's text (600 KB) took 3 ms.
  if (text.indexOf('x') !== -1) return false;
  let v = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44) {
      each(v);
      v = 0;
    } else if (c >= 48 && c <= 57) v = v * 10 + (c - 48);
    else throw new Error(`packed tally text holds ${JSON.stringify(text[i])}`);
  }
  if (text.length) each(v);
  return true;
}
