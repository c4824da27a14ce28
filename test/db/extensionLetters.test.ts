// Letters uploaded in pieces for an extension request, read back in pieces, and the delegation set by the president: on real SQLite through the core as the hosts use it.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { randomBytes, createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { freshCourtDb, record } from '../helpers/tempDb';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import type { ExtensionDetail, ExtensionRow } from '../../shared/api/contract';
import { UPLOAD_CHUNK_BYTES } from '../../shared/api/uploads';
import { ATTACHMENT_MAX_BYTES, LETTER_PIECE_BYTES } from '../../shared/extensions/api';

const TODAY = '2025-06-30';
let t: ReturnType<typeof freshCourtDb>;
let core: Core;
const sessions: Record<string, string> = {};
const n = (seq: number) => `（2025）辽0421民初${seq}号`;
const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const png = (size: number) => Buffer.concat([PNG_HEAD, randomBytes(size - PNG_HEAD.length)]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n', 'latin1');
const letters = () => path.join(path.dirname(t.file), 'letters');

beforeAll(async () => {
  t = freshCourtDb();
  t.put([
    ...[1, 2, 3, 4, 5].map((seq) => record({ caseNumber: n(seq), filedOn: '2025-03-01', division: '民一庭', judge: '王法官' })),
    record({ caseNumber: n(6), filedOn: '2025-03-01', division: '民二庭', judge: '李法官' }),
    record({ caseNumber: n(7), filedOn: '2025-03-01', division: '民二庭', judge: '李法官' }),
  ], TODAY);
  const accounts = new AccountStore(t.db);
  const people: Array<[string, Array<'judge' | 'division_head' | 'vice_president' | 'president' | 'admin' | 'assistant'>, string | null]> = [
    ['王法官', ['judge'], '民一庭'], ['李法官', ['judge'], '民二庭'], ['庭长甲', ['division_head'], '民一庭'],
    ['副院长乙', ['vice_president'], null], ['副院长丁', ['vice_president'], null], ['院长', ['president'], null], ['管理员', ['admin'], null],
    ['助理甲', ['assistant'], '民一庭'], ['助理乙', ['assistant'], '民一庭'],
  ];
  for (const [name, roles, division] of people) accounts.create({ name, roles, division, password: 'pass-word-1', actor: 'tester' });
  t.db.close();
  core = openCore({ dbPath: t.file, host: 'loopback', today: TODAY, jobWorker: null });
  await signInAll();
});
const NAMES = ['王法官', '李法官', '庭长甲', '副院长乙', '副院长丁', '院长', '管理员', '助理甲', '助理乙'];
/** Fresh sessions: a test that moves the clock leaves the old ones idle-locked. */
async function signInAll(): Promise<void> {
  for (const name of NAMES) sessions[name] = ((await core.call('auth.signIn', { name, password: 'pass-word-1' })).session as { set: string }).set;
}
afterAll(() => {
  core.close();
  t.cleanup();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await signInAll();
});

async function as<T = ExtensionDetail>(who: string, method: string, args: unknown): Promise<T> {
  const r = await core.call(method, args, { session: sessions[who] });
  if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { code: r.error.code });
  return r.value as T;
}
async function refusal(who: string, method: string, args: unknown): Promise<{ code: string; message: string; field?: string }> {
  const r = await core.call(method, args, { session: sessions[who] });
  expect(r.ok, JSON.stringify(r)).toBe(false);
  return (r as { error: { code: string; message: string; field?: string } }).error;
}
/** Uploads the bytes piece by piece as the window does; answers the token. */
async function upload(who: string, name: string, bytes: Buffer): Promise<string> {
  let token: string | undefined;
  for (let offset = 0; offset < bytes.length; ) {
    const piece = bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES);
    const r = await as<{ upload: string; received: number }>(who, 'extensions.upload', { upload: token, name, offset, total: bytes.length, base64: piece.toString('base64') });
    token = r.upload;
    offset = r.received;
  }
  return token!;
}
const ask = (caseNumber: string, extra: Record<string, unknown> = {}) => ({ caseNumber, months: 1, reason: '鉴定未完成', explanation: '鉴定机构尚未出具鉴定意见书', ...extra });
const requestCount = () => core.db.prepare('SELECT count(*) FROM extension_requests').pluck().get() as number;

describe('letters uploaded in pieces', () => {
  it('takes a 2 MB scan in pieces, keeps it whole with its hash, removes the upload, and hands it back in pieces', async () => {
    const scan = png(2 * 1024 * 1024 + 123);
    const token = await upload('王法官', '鉴定机构函.png', scan);
    expect(readdirSync(letters())).toEqual([token]);
    const made = await as('王法官', 'extensions.request', ask(n(1), { attachments: [{ name: '鉴定机构函.png', upload: token }, { name: '说明.pdf', base64: PDF.toString('base64') }] }));
    expect(made.attachments).toEqual([
      expect.objectContaining({ name: '鉴定机构函.png', mime: 'image/png', size: scan.length, sha256: createHash('sha256').update(scan).digest('hex') }),
      expect.objectContaining({ name: '说明.pdf', mime: 'application/pdf', size: PDF.length }),
    ]);
    // Used: the upload is gone, from the folder and from the core.
    expect(readdirSync(letters())).toEqual([]);
    expect(await refusal('王法官', 'extensions.request', ask(n(2), { attachments: [{ name: '鉴定机构函.png', upload: token }] }))).toMatchObject({ code: 'NOT_FOUND' });

    // The president reads it back piece by piece; the pieces join to the very bytes.
    const pieces: Buffer[] = [];
    let offset = 0;
    for (;;) {
      const p = await as<{ base64: string; next: number; total: number; mime: string }>('院长', 'extensions.attachment', { id: made.id, attachmentId: made.attachments[0].id, offset });
      expect(p).toMatchObject({ total: scan.length, mime: 'image/png' });
      const bytes = Buffer.from(p.base64, 'base64');
      expect(bytes.length).toBeLessThanOrEqual(LETTER_PIECE_BYTES);
      pieces.push(bytes);
      offset = p.next;
      if (offset >= p.total) break;
    }
    expect(pieces.length).toBe(3);
    expect(Buffer.concat(pieces).equals(scan)).toBe(true);
    expect(await refusal('院长', 'extensions.attachment', { id: made.id, attachmentId: made.attachments[0].id, offset: scan.length + 1 })).toMatchObject({ field: 'offset' });
  });

  it('checks uploaded content by its first bytes and the 10 MB limit, as for letters sent inline', async () => {
    // The first piece shows a PDF named .png: refused before the rest travels.
    expect(await refusal('王法官', 'extensions.upload', { name: '函.png', offset: 0, total: PDF.length, base64: PDF.toString('base64') })).toMatchObject({ field: 'attachments', message: expect.stringContaining('与文件名不符') });
    expect(await refusal('王法官', 'extensions.upload', { name: '函.pdf', offset: 0, total: 12, base64: Buffer.from('hello world!').toString('base64') })).toMatchObject({ message: expect.stringContaining('不是 PDF 或图片文件') });
    expect(await refusal('王法官', 'extensions.upload', { name: '函.docx', offset: 0, total: 8, base64: PNG_HEAD.toString('base64') })).toMatchObject({ message: expect.stringContaining('PDF、JPG 或 PNG') });
    expect(await refusal('王法官', 'extensions.upload', { name: '函.png', offset: 0, total: ATTACHMENT_MAX_BYTES + 1, base64: PNG_HEAD.toString('base64') })).toMatchObject({ field: 'total', message: expect.stringContaining('附件不能超过 10 MB') });
    // Exactly 10 MB is a letter.
    const big = png(ATTACHMENT_MAX_BYTES);
    const token = await upload('王法官', '卷宗扫描.png', big);
    // An incomplete upload and a request refused for another reason write nothing and keep the upload for the next try.
    const half = await as<{ upload: string }>('王法官', 'extensions.upload', { name: '半个.png', offset: 0, total: 1000, base64: png(500).toString('base64') });
    const before = requestCount();
    expect(await refusal('王法官', 'extensions.request', ask(n(3), { attachments: [{ name: '半个.png', upload: half.upload }] }))).toMatchObject({ message: expect.stringContaining('尚未上传完整') });
    expect(await refusal('王法官', 'extensions.request', ask(n(3), { attachments: [{ name: '卷宗扫描.png', upload: token }, { name: '卷宗扫描.png', base64: PDF.toString('base64') }] }))).toMatchObject({ message: expect.stringContaining('重复') });
    expect(requestCount()).toBe(before);
    expect(readdirSync(letters()).sort()).toEqual([half.upload, token].sort());
    const made = await as('王法官', 'extensions.request', ask(n(3), { attachments: [{ name: '卷宗扫描.png', upload: token }] }));
    expect(made.attachments[0]).toMatchObject({ size: ATTACHMENT_MAX_BYTES });
    expect(await as('王法官', 'extensions.discardUpload', { upload: half.upload })).toEqual({ discarded: true });
    expect(readdirSync(letters())).toEqual([]);
  });

  it("refuses someone else's upload as an unknown one: to add to, to use, to discard", async () => {
    const token = await upload('王法官', '函.pdf', PDF);
    expect(await refusal('李法官', 'extensions.upload', { upload: token, name: '函.pdf', offset: PDF.length, total: PDF.length, base64: '' })).toMatchObject({ code: 'NOT_FOUND' });
    const before = requestCount();
    expect(await refusal('李法官', 'extensions.request', ask(n(6), { attachments: [{ name: '函.pdf', upload: token }] }))).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('已过期') });
    expect(requestCount()).toBe(before);
    expect(await as('李法官', 'extensions.discardUpload', { upload: token })).toEqual({ discarded: false });
    expect(readdirSync(letters())).toEqual([token]);
    expect(await as('王法官', 'extensions.discardUpload', { upload: token })).toEqual({ discarded: true });
  });

  it('removes uploads abandoned for two hours, and folders an earlier run left, at the next upload', async () => {
    const old = await upload('王法官', '旧函.pdf', PDF);
    mkdirSync(path.join(letters(), 'f'.repeat(32)));
    const later = Date.now() + 2 * 60 * 60 * 1000 + 1000;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    await signInAll();
    const fresh = await upload('李法官', '新函.pdf', PDF);
    expect(readdirSync(letters())).toEqual([fresh]);
    expect(existsSync(path.join(letters(), old))).toBe(false);
    expect(await refusal('王法官', 'extensions.request', ask(n(4), { attachments: [{ name: '旧函.pdf', upload: old }] }))).toMatchObject({ code: 'NOT_FOUND' });
    await as('李法官', 'extensions.discardUpload', { upload: fresh });
  });
});

describe('delegation', () => {
  it('is set by the president (or the administrator); the delegated vice-president decides that division, others only see', async () => {
    expect(await refusal('副院长乙', 'extensions.setSettings', { delegations: { 民二庭: '副院长乙' } })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal('王法官', 'extensions.setSettings', { refuseLate: true })).toMatchObject({ code: 'FORBIDDEN' });
    const options = await as<{ divisions: string[]; vicePresidents: string[] }>('院长', 'extensions.delegationOptions', {});
    expect(options.vicePresidents).toEqual(['副院长丁', '副院长乙']);
    expect(options.divisions).toEqual(expect.arrayContaining(['民一庭', '民二庭']));
    expect(await as('院长', 'extensions.setSettings', { delegations: { 民二庭: '副院长乙' } })).toEqual({ refuseLate: false, delegations: { 民二庭: '副院长乙' } });
    const audit = core.db.prepare("SELECT actor FROM audit_log WHERE action = 'settings.extensions' ORDER BY id DESC LIMIT 1").pluck().get();
    expect(audit).toBe('院长');

    const mine = await as('李法官', 'extensions.request', ask(n(6)));
    // No head in 民二庭: straight to the decision, by the delegated vice-president.
    expect(mine).toMatchObject({ stage: 'decision', waitingFor: '副院长乙' });
    const desk = await as<ExtensionRow[]>('副院长乙', 'extensions.list', {});
    expect(desk.find((r) => r.id === mine.id)).toMatchObject({ waitingFor: '副院长乙' });
    // Another vice-president sees it but neither gives an opinion (not his role's) nor decides it (not delegated).
    expect((await as<ExtensionRow[]>('副院长丁', 'extensions.list', {})).map((r) => r.id)).toContain(mine.id);
    expect(await refusal('副院长丁', 'extensions.opinion', { id: mine.id, agree: true, comment: '同意' })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('无权签署延审意见') });
    expect(await refusal('副院长丁', 'extensions.decide', { id: mine.id, approve: true, comment: '同意' })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('受委托的 副院长乙') });

    // A division not delegated stays the president's: the delegated vice-president may not decide it.
    const other = await as('王法官', 'extensions.request', ask(n(5)));
    await as('庭长甲', 'extensions.opinion', { id: other.id, agree: true, comment: '同意' });
    expect(await refusal('副院长乙', 'extensions.decide', { id: other.id, approve: true, comment: '同意' })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('由院长审批') });
    expect(await as('副院长乙', 'extensions.decide', { id: mine.id, approve: true, comment: '同意延长' })).toMatchObject({ status: 'approved' });
    expect(await as('院长', 'extensions.decide', { id: other.id, approve: true, comment: '同意延长' })).toMatchObject({ status: 'approved' });
    // The administrator may still enter it on the president's instruction.
    expect(await as('管理员', 'extensions.setSettings', { delegations: {} })).toEqual({ refuseLate: false, delegations: {} });
  });
});

describe('the judge\'s assistant asks for him', () => {
  it('asks on the cases of the judges he serves, recorded as his for the judge; cannot opine or decide; others cannot ask', async () => {
    expect(await refusal('管理员', 'users.setJudges', { name: '王法官', judges: ['李法官'] })).toMatchObject({ field: 'name', message: expect.stringContaining('不是法官助理') });
    expect(await refusal('管理员', 'users.setJudges', { name: '助理甲', judges: ['庭长甲'] })).toMatchObject({ field: 'judges', message: expect.stringContaining('不是本院的员额法官') });
    expect(await refusal('院长', 'users.setJudges', { name: '助理甲', judges: ['王法官'] })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await as('管理员', 'users.setJudges', { name: '助理甲', judges: ['王法官'] })).toMatchObject({ name: '助理甲', judges: ['王法官'] });
    const users = await as<Array<{ name: string; judges: string[] }>>('管理员', 'users.list', {});
    expect(users.find((u) => u.name === '助理甲')?.judges).toEqual(['王法官']);
    expect(users.find((u) => u.name === '助理乙')?.judges).toEqual([]);
    // The window learns whom an assistant serves at sign-in, to offer 申请延长审限 on those judges' cases only.
    const signedIn = await core.call('auth.signIn', { name: '助理甲', password: 'pass-word-1' });
    expect(signedIn.ok && signedIn.value).toMatchObject({ name: '助理甲', servesJudges: ['王法官'] });
    const judge = await core.call('auth.signIn', { name: '王法官', password: 'pass-word-1' });
    expect(judge.ok && judge.value).toMatchObject({ name: '王法官', servesJudges: [] });

    const before = requestCount();
    expect(await refusal('助理乙', 'extensions.request', ask(n(4)))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('不是其法官助理') });
    expect(requestCount()).toBe(before);
    const token = await upload('助理甲', '公告.pdf', PDF);
    const made = await as('助理甲', 'extensions.request', ask(n(4), { attachments: [{ name: '公告.pdf', upload: token }] }));
    expect(made).toMatchObject({ requestedBy: '王法官', enteredBy: '助理甲', judge: '王法官', stage: 'opinion', waitingFor: '庭长甲' });
    const entry = core.db.prepare("SELECT actor, after_json FROM audit_log WHERE action = 'extension.request' ORDER BY id DESC LIMIT 1").get() as { actor: string; after_json: string };
    expect(entry.actor).toBe('助理甲');
    expect(JSON.parse(entry.after_json)).toMatchObject({ id: made.id, for: '王法官', enteredBy: '助理甲' });
    expect(await refusal('助理甲', 'extensions.opinion', { id: made.id, agree: true, comment: '同意' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal('助理甲', 'extensions.decide', { id: made.id, approve: true, comment: '同意' })).toMatchObject({ code: 'FORBIDDEN' });
    // The judge's other cases outside the assistant's division stay out of his reach, as every case does.
    await as('管理员', 'users.setJudges', { name: '助理甲', judges: ['王法官', '李法官'] });
    expect(await refusal('助理甲', 'extensions.request', ask(n(7)))).toMatchObject({ code: 'NOT_FOUND' });
    // The list cleared: he no longer asks for 王法官.
    expect(await as('管理员', 'users.setJudges', { name: '助理甲', judges: [] })).toMatchObject({ judges: [] });
    expect(await refusal('助理甲', 'extensions.request', ask(n(5)))).toMatchObject({ code: 'FORBIDDEN' });
  });
});
