// What a rank looks like on a page, for the no-rank sweeps (不得通报排名): rank words once the pages' own negations
// (不作排名, 不排名次) are taken out, and table columns that number the rows 1, 2, 3 … beside the names.

/** The negations the pages say of themselves: they name the rule, they do not rank. */
const NEGATIONS = /不作排名|不排名次|不得通报排名|杜绝排名排序|不作排序/g;

/** Every rank word left in a text: 排名, 名次, 第N名 (digits or Chinese numerals). */
export function rankWords(text: string): string[] {
  return text.replace(NEGATIONS, '').match(/排名|名次|第\s*[0-9０-９一二三四五六七八九十百]+\s*名/g) ?? [];
}

/** The columns (0-based) of a table, given as its body rows' cell texts, that hold 1, 2, 3 … in row order. */
export function positionColumns(rows: readonly (readonly string[])[]): number[] {
  if (rows.length < 3) return [];
  const width = Math.max(...rows.map((r) => r.length));
  const out: number[] = [];
  for (let c = 0; c < width; c++) {
    if (rows.every((r, i) => (r[c] ?? '').trim().replace(/[.、．名]$/, '') === String(i + 1))) out.push(c);
  }
  return out;
}

/** Rank words in a printed report, which says no negation of its own (it writes 不分先后): 排名, 名次, 第N名, 排序第, 位次. */
export const REPORT_RANK = /排名|名次|第\s*\d+\s*名|排序第|位次/;
