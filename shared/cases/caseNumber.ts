// Case numbers (案号): parsing the variants people type into one canonical form.

export interface ParsedCaseNumber {
  /** Canonical form: full-width parentheses, ASCII digits, no spaces, e.g. （2024）辽0421民初1234号 */
  canonical: string;
  year: number;
  courtCode: string;
  typeCode: string;
  seq: number;
  /** False when the type code is not one CourtDesk knows; such numbers are kept and reported, not rejected. */
  knownType: boolean;
}

export type CaseNumberResult = { ok: true; value: ParsedCaseNumber } | { ok: false; error: string };

/** Type codes of docs/import-columns.md, longest first so that 执保 wins over 执. */
export const KNOWN_TYPE_CODES = [
  '诉前调', '民初', '民终', '民申', '民再', '民特', '民催', '刑初', '刑终', '行初', '行终',
  '执保', '执异', '执恢', '财保', '执',
] as const;
export type KnownTypeCode = (typeof KNOWN_TYPE_CODES)[number];

const PROVINCES = '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新兵';

/** Full-width digits and letters to ASCII; brackets of every kind people use to full-width （）. */
function foldCharacters(input: string): string {
  let out = '';
  for (const ch of input) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 48);
    else if (ch === '(' || ch === '〔' || ch === '[' || ch === '［' || ch === '【' || ch === '（') out += '（';
    else if (ch === ')' || ch === '〕' || ch === ']' || ch === '］' || ch === '】' || ch === '）') out += '）';
    else if (/\s/u.test(ch) || ch === '\u3000') continue;
    else out += ch;
  }
  return out;
}

const CASE_NUMBER_RE = new RegExp(
  `^（(\\d{4})）([${PROVINCES}]\\d{0,6})([\\u4e00-\\u9fff]{1,4}?)(\\d{1,6})号$`,
  'u',
);

export function parseCaseNumber(input: string): CaseNumberResult {
  if (typeof input !== 'string' || input.trim() === '') return { ok: false, error: '案号为空' };
  // Most numbers arrive canonical already; folding character by character is the slow path.
  const m = CASE_NUMBER_RE.exec(input) ?? CASE_NUMBER_RE.exec(foldCharacters(input));
  if (!m) {
    return { ok: false, error: `案号“${input.trim()}”格式不正确，应如（2024）辽0421民初1234号` };
  }
  const [, yearText, courtCode, typeCode, seqText] = m;
  if (seqText.startsWith('0')) {
    return { ok: false, error: `案号“${input.trim()}”的序号不能以0开头` };
  }
  const year = Number(yearText);
  if (year < 1949 || year > 2999) return { ok: false, error: `案号“${input.trim()}”的年份${year}不正确` };
  return {
    ok: true,
    value: {
      canonical: `（${yearText}）${courtCode}${typeCode}${seqText}号`,
      year,
      courtCode,
      typeCode,
      seq: Number(seqText),
      knownType: (KNOWN_TYPE_CODES as readonly string[]).includes(typeCode),
    },
  };
}

/** The canonical form, or null when the text is not a case number. */
export function normalizeCaseNumber(input: string): string | null {
  const r = parseCaseNumber(input);
  return r.ok ? r.value.canonical : null;
}

/** Folds a search fragment the way case numbers are folded, so "(2024" finds "（2024）…". */
export function foldSearchText(input: string): string {
  return foldCharacters(input);
}
