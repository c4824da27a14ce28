// 报送中院's words and small pure helpers: part names, 全量/增量, the counts line, short hashes, what a key card shows before it is registered.
import { DATA_PARTS, type DataPart } from '../../../../shared/exchange/partNames';
import { keyFingerprint } from '../../../../shared/exchange/fingerprint';
import { parseKeyCard } from '../../../../shared/exchange/keyCard';
import { formatCount } from '../../lib/format';

export const PART_LABELS: Readonly<Record<DataPart, string>> = {
  'cases.ndjson': '案件',
  'events.ndjson': '期间',
  'extension_requests.ndjson': '延长审限申请',
  'extension_decisions.ndjson': '延长审限审批',
  'indicators.json': '指标',
  'ranges.json': '合理区间',
  'deletions.ndjson': '删除记录',
  'audit_chain.json': '审计日志摘要',
  'ledger.json': '脱薄台账',
};

/** "案件 12，期间 3，…": every part, in the package's order (a part with none still says 0). */
export function countsText(counts: Record<DataPart, number> | null | undefined): string {
  if (!counts) return '—';
  return DATA_PARTS.map((p) => `${PART_LABELS[p]} ${formatCount(counts[p] ?? 0)}`).join('，');
}

export function kindText(kind: 'full' | 'incremental' | null | undefined, baseSequence?: number | null): string {
  if (kind === 'full') return '全量';
  if (kind === 'incremental') return baseSequence ? `增量（基于第 ${baseSequence} 号）` : '增量';
  return '—';
}

/** A fingerprint's 64 hex digits in groups of 8: read by eye against a file, and wrapped between groups, never mid-group. */
export const hexGroups = (hex: string): string => (hex.match(/.{1,8}/g) ?? []).join(' ');

/** The first 16 hex digits: enough to compare by eye with sha256sum's output. */
export const shortHash = (hex: string | null | undefined): string => (hex ? hex.slice(0, 16) : '—');

/** The pre-flight's field keys in Chinese (the core names the stored field). */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  cause: '案由',
  filedOn: '立案日期',
  closedOn: '结案日期',
  closingMethod: '结案方式',
  events: '扣除或中止期间',
};
export const fieldLabel = (field: string): string => FIELD_LABELS[field] ?? field;

/** Days from a timestamp's date to today (both YYYY-MM-DD at the start): 距今天数. */
export function daysSince(iso: string, today: string): number | null {
  const a = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  const b = Date.parse(`${today.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(a) || Number.isNaN(b) ? null : Math.round((b - a) / 86_400_000);
}

function base64Bytes(b64: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return null;
  try {
    return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export type CardPreview = { ok: true; courtCode: string; courtName: string; digits: string } | { ok: false; message: string };

/**
 * What a pasted basic court's card says, before anything is stored: its court and the fingerprint digits of the key it
 * carries, computed here from the key itself (not copied from the card), to read against the phone. The core checks
 * the card's signature and stated fingerprint again when it registers it.
 */
export function previewCard(text: string): CardPreview {
  const card = parseKeyCard(text);
  if (!card.ok) return card;
  if (card.fields.level !== 'basic') return { ok: false, message: '这是中级法院的公钥卡，不能登记为报送法院' };
  const bytes = base64Bytes(card.fields.minisignPublicKey);
  // minisign: "Ed", an 8-byte key id, the 32-byte Ed25519 key.
  if (!bytes || bytes.length !== 42 || bytes[0] !== 0x45 || bytes[1] !== 0x64) return { ok: false, message: '公钥卡上的签名公钥格式不正确' };
  const fp = keyFingerprint('minisign-ed25519', bytes.slice(10));
  if (fp.digits !== card.fields.minisignFingerprint) return { ok: false, message: '公钥卡上的指纹与公钥不符，卡片可能被改动过，请勿登记' };
  return { ok: true, courtCode: card.fields.courtCode, courtName: card.fields.courtName, digits: fp.digits };
}

/** Court-code order, by code point (辽0402 before 辽0421), the same on every computer: no indicator ever orders courts. */
export const byCourtCode = <T extends { courtCode?: string; senderCode?: string }>(a: T, b: T): number => {
  const x = a.courtCode ?? a.senderCode ?? '';
  const y = b.courtCode ?? b.senderCode ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
};
