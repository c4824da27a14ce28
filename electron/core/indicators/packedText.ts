// Reads a group_concat text of non-negative integers (the packed tally reads) without splitting it into strings.

/**
 * Calls `each` with every number of `text` ("12,7,40…"), or returns false without calling it at all when the text
 * holds anything but digits and commas (the packed reads send 'x' for a row that does not fit). Scanning the
 * characters costs a tenth of split(',').map(Number) on the 9,000 durations of a month at 1M, and makes no garbage.
 * The numbers stay below 2^53 by construction of the packings, so the arithmetic is exact.
 */
export function eachPacked(text: string, each: (v: number) => void): boolean {
  if (!/^[0-9,]*$/.test(text)) return false;
  let v = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44) {
      each(v);
      v = 0;
    } else v = v * 10 + (c - 48);
  }
  if (text.length) each(v);
  return true;
}
