// The public key card (公钥卡) as text: one field a line, then the card's own minisign signature; pure, so both sides read it alike.

export const KEY_CARD_HEADER = '# CourtDesk 公钥卡：请与对方法院通过电话逐组核对指纹数字后再登记';
const VERSION_LINE = 'courtdesk-key-card: 1';
export const SIGNATURE_BEGIN = '-----BEGIN MINISIGN SIGNATURE-----';
export const SIGNATURE_END = '-----END MINISIGN SIGNATURE-----';

export interface KeyCardFields {
  level: 'basic' | 'intermediate';
  courtCode: string;
  courtName: string;
  /** The minisign public key line: a basic court signs its packages with it, an intermediate court its return files. */
  minisignPublicKey: string;
  minisignFingerprint: string;
  /** An intermediate court's age recipient, to which the basic courts encrypt. */
  ageRecipient?: string;
  ageFingerprint?: string;
  /** YYYY-MM-DD */
  date: string;
}

const FIELDS: Array<[keyof KeyCardFields, string]> = [
  ['level', 'level'],
  ['courtCode', 'court-code'],
  ['courtName', 'court-name'],
  ['minisignPublicKey', 'minisign-public-key'],
  ['minisignFingerprint', 'minisign-fingerprint'],
  ['ageRecipient', 'age-recipient'],
  ['ageFingerprint', 'age-fingerprint'],
  ['date', 'date'],
];

/** The part the signature covers, ending with a newline. */
export function keyCardBody(f: KeyCardFields): string {
  const lines = [KEY_CARD_HEADER, VERSION_LINE];
  for (const [key, label] of FIELDS) {
    const v = f[key];
    if (v === undefined) continue;
    if (/[\r\n]/.test(v)) throw new Error(`key card field ${label} has a line break`);
    lines.push(`${label}: ${v}`);
  }
  return `${lines.join('\n')}\n`;
}

export function keyCardText(body: string, signature: string): string {
  return `${body}${SIGNATURE_BEGIN}\n${signature.endsWith('\n') ? signature : `${signature}\n`}${SIGNATURE_END}\n`;
}

export type ParsedKeyCard = { ok: true; fields: KeyCardFields; body: string; signature: string } | { ok: false; message: string };

/** Reads a card's fields and splits off its signature; the signature and fingerprints are checked by the core. */
export function parseKeyCard(text: string): ParsedKeyCard {
  const t = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const begin = t.indexOf(`\n${SIGNATURE_BEGIN}\n`);
  const end = t.indexOf(`\n${SIGNATURE_END}`);
  if (begin < 0 || end < begin) return { ok: false, message: '公钥卡缺少签名段，不是完整的 CourtDesk 公钥卡' };
  const body = t.slice(0, begin + 1);
  const signature = t.slice(begin + SIGNATURE_BEGIN.length + 2, end + 1);
  const lines = body.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  if (lines[0] !== VERSION_LINE) return { ok: false, message: '不是 CourtDesk 公钥卡（或版本不受支持）' };
  const got = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const m = /^([a-z-]+): (.*)$/.exec(line);
    if (!m || got.has(m[1]) || !FIELDS.some(([, l]) => l === m[1])) return { ok: false, message: `公钥卡有无法识别的行：${line.slice(0, 40)}` };
    got.set(m[1], m[2].trim());
  }
  const need = ['level', 'court-code', 'court-name', 'minisign-public-key', 'minisign-fingerprint', 'date'];
  const missing = need.filter((l) => !got.get(l));
  if (missing.length) return { ok: false, message: `公钥卡缺少：${missing.join('、')}` };
  const level = got.get('level');
  if (level !== 'basic' && level !== 'intermediate') return { ok: false, message: '公钥卡的 level 应为 basic 或 intermediate' };
  if (level === 'intermediate' && (!got.get('age-recipient') || !got.get('age-fingerprint'))) return { ok: false, message: '中级法院的公钥卡缺少 age-recipient 或 age-fingerprint' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(got.get('date')!)) return { ok: false, message: '公钥卡的日期格式不正确' };
  const fields: KeyCardFields = {
    level,
    courtCode: got.get('court-code')!,
    courtName: got.get('court-name')!,
    minisignPublicKey: got.get('minisign-public-key')!,
    minisignFingerprint: got.get('minisign-fingerprint')!,
    date: got.get('date')!,
  };
  if (got.get('age-recipient')) fields.ageRecipient = got.get('age-recipient');
  if (got.get('age-fingerprint')) fields.ageFingerprint = got.get('age-fingerprint');
  return { ok: true, fields, body, signature };
}
