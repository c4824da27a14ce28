// 报送中院's pure helpers: a pasted card's fingerprint digits, computed in the window, match the core's; a changed card
// is caught before anything is sent; counts, kinds, court-code order and 距今天数 as the screens show them.
import { describe, expect, it } from 'vitest';
import { generateMinisignKey, minisignPublicKeyLine, minisignSign } from '../../electron/core/exchange/crypto/minisign';
import { minisignFingerprint } from '../../electron/core/exchange/keys/keyStore';
import { keyCardBody, keyCardText, type KeyCardFields } from '../../shared/exchange/keyCard';
import { byCourtCode, countsText, daysSince, hexGroups, kindText, previewCard } from '../../renderer/src/features/exchange/labels';

function card(over: Partial<KeyCardFields> = {}) {
  const key = generateMinisignKey();
  const fields: KeyCardFields = {
    level: 'basic',
    courtCode: '辽0421',
    courtName: '某某县人民法院',
    minisignPublicKey: minisignPublicKeyLine(key),
    minisignFingerprint: minisignFingerprint(key).digits,
    date: '2026-12-05',
    ...over,
  };
  const body = keyCardBody(fields);
  return { key, text: keyCardText(body, minisignSign(new TextEncoder().encode(body), key, 'card')) };
}

describe('previewCard', () => {
  it('shows the court and the same fingerprint digits the core computes', () => {
    const { key, text } = card();
    expect(previewCard(text)).toEqual({ ok: true, courtCode: '辽0421', courtName: '某某县人民法院', digits: minisignFingerprint(key).digits });
    expect(previewCard(text.replace(/\n/g, '\r\n'))).toMatchObject({ ok: true });
  });

  it('refuses a card whose key was swapped, an intermediate court card, and text that is no card', () => {
    const other = generateMinisignKey();
    const { text } = card();
    const swapped = text.replace(/minisign-public-key: .*/, `minisign-public-key: ${minisignPublicKeyLine(other)}`);
    expect(previewCard(swapped)).toEqual({ ok: false, message: '公钥卡上的指纹与公钥不符，卡片可能被改动过，请勿登记' });
    expect(previewCard(card({ level: 'intermediate', ageRecipient: 'age1x', ageFingerprint: 'ab' }).text)).toMatchObject({ ok: false, message: expect.stringContaining('中级法院的公钥卡') });
    expect(previewCard('hello')).toMatchObject({ ok: false, message: expect.stringContaining('签名') });
    expect(previewCard(text.replace(/minisign-public-key: .*/, 'minisign-public-key: RW@@'))).toMatchObject({ ok: false, message: '公钥卡上的签名公钥格式不正确' });
  });
});

describe('labels', () => {
  it('names every part with its count, and the kind with its base', () => {
    const counts = { 'cases.ndjson': 1200, 'events.ndjson': 3, 'extension_requests.ndjson': 0, 'extension_decisions.ndjson': 0, 'indicators.json': 1, 'ranges.json': 1, 'deletions.ndjson': 0, 'audit_chain.json': 25, 'ledger.json': 4 };
    expect(countsText(counts)).toBe('案件 1,200，期间 3，延长审限申请 0，延长审限审批 0，指标 1，合理区间 1，删除记录 0，审计日志摘要 25，脱薄台账 4');
    expect(countsText(null)).toBe('—');
    expect(kindText('incremental', 4)).toBe('增量（基于第 4 号）');
    expect(kindText('full', null)).toBe('全量');
  });

  it('orders courts by code alone and counts whole days to today', () => {
    const rows = [{ senderCode: '辽0421' }, { senderCode: '辽0402' }, { senderCode: '辽0403' }];
    expect([...rows].sort(byCourtCode).map((r) => r.senderCode)).toEqual(['辽0402', '辽0403', '辽0421']);
    expect(daysSince('2026-11-30T23:59:00.000Z', '2026-12-05')).toBe(5);
    expect(daysSince('bad', '2026-12-05')).toBeNull();
  });
});

describe('hexGroups', () => {
  // Found in review: the 64 hex digits wrapped with a lone digit on the next line at 1024.
  it('splits a fingerprint into eight groups of eight, losing nothing', () => {
    const hex = 'dd4b360383eb55d49deb7023df587b3b93b12f6072d219e0b759ca62cf14db74';
    expect(hexGroups(hex)).toBe('dd4b3603 83eb55d4 9deb7023 df587b3b 93b12f60 72d219e0 b759ca62 cf14db74');
    expect(hexGroups(hex).replaceAll(' ', '')).toBe(hex);
  });
});
