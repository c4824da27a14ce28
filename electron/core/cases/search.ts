// Turns a search box text into an FTS5 query over the trigram index of case numbers and party names.
import type { Database } from 'better-sqlite3';
import { foldSearchText, parseCaseNumber } from '../../../shared/cases/caseNumber';

/** Most vocabulary terms a short query may expand to; beyond that the query is too vague to be useful. */
const MAX_EXPANSION = 2000;

function quote(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

export type SearchPlan =
  | { kind: 'match'; query: string }
  | { kind: 'exact'; caseNumber: string }
  | { kind: 'none' }
  | { kind: 'scan'; pattern: string };

/**
 * Three characters or more: one phrase of trigrams, which is exactly a substring match. Two characters: every
 * indexed trigram beginning with them (each document ends in a separator, so a two-character substring is always
 * the start of some trigram), OR-ed. One character: a plain scan, as there are too many trigrams to expand.
 */
export function planSearch(db: Database, typed: string): SearchPlan {
  // The schema refuses control characters, but this builder must never write a query SQLite refuses, whoever calls
  // it: a NUL ends a string inside FTS5's query syntax ("unterminated string"), and no document holds any of them.
  const raw = typed.replace(/\p{Cc}/gu, '');
  // A whole case number, however typed, is one lookup on its unique key.
  const whole = parseCaseNumber(raw);
  if (whole.ok) return { kind: 'exact', caseNumber: whole.value.canonical };
  // The index leaves out brackets and the court's own code (cases/searchDocument.ts); so does the query.
  const courtCode = db.prepare('SELECT code FROM courts WHERE is_self = 1').pluck().get() as string | undefined;
  let text = foldSearchText(raw).replace(/[（）]/g, '');
  if (courtCode) text = text.split(courtCode).join('');
  text = text.toLowerCase();
  const chars = [...text];
  if (chars.length === 0) return { kind: 'none' };
  if (chars.length >= 3) return { kind: 'match', query: quote(text) };
  if (chars.length === 1) return { kind: 'scan', pattern: foldSearchText(raw) };
  const terms = db
    .prepare('SELECT term FROM case_search_vocab WHERE term >= ? AND term < ? LIMIT ?')
    .pluck()
    .all(text, text + '\u{10FFFF}', MAX_EXPANSION + 1) as string[];
  const matching = terms.filter((t) => t.startsWith(text));
  if (matching.length === 0) return { kind: 'none' };
  if (matching.length > MAX_EXPANSION) return { kind: 'scan', pattern: text };
  return { kind: 'match', query: matching.map(quote).join(' OR ') };
}
