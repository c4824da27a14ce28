// courtdesk keys / recipient / register: this court's exchange keys and card, where a basic court reports, the basic courts an intermediate court registers.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { KeysView } from '../../../shared/exchange/keysApi';
import { CliError, print, required, withSession, type CommandSpec } from '../cliHost';
import { readPassphrase } from '../password';

const FILE_MAX = 16 * 1024;

async function passphrase(confirm: boolean): Promise<string> {
  const p = await readPassphrase(confirm);
  if (p === null) throw new CliError('需要密钥口令：请在终端输入，或通过环境变量 COURTDESK_PASSPHRASE 提供', 2);
  return p;
}

function readSmall(file: string, what: string): string {
  try {
    if (statSync(file).size > FILE_MAX) throw new CliError(`文件 ${file} 过大，不是${what}`, 2);
    return readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`无法读取${what} ${file}`, 2);
  }
}

function showText(v: KeysView): string {
  const lines = [`本院：${v.courtName ?? '未初始化'}（${v.courtCode ?? '-'}），${v.level === 'intermediate' ? '中级法院' : '基层法院'}`];
  lines.push(v.signing ? `签名公钥（minisign）：${v.signing.publicKey}\n  指纹：${v.signing.digits}\n  生成于：${v.signing.createdAt}` : '签名公钥：尚未生成（courtdesk keys init）');
  if (v.level === 'intermediate') {
    lines.push(v.age ? `解密公钥（age 接收方）：${v.age.publicKey}\n  指纹：${v.age.digits}` : '解密公钥：尚未生成或导入');
    lines.push(v.senders.length ? `已登记的基层法院：\n${v.senders.map((s) => `  ${s.courtCode}\t${s.courtName}\t指纹 ${s.digits}${s.revokedAt ? `\t已吊销 ${s.revokedAt}` : ''}`).join('\n')}` : '已登记的基层法院：无');
  } else {
    lines.push(v.recipient ? `报送中院：${v.recipient.courtName}（${v.recipient.courtCode}）\n  接收方公钥：${v.recipient.publicKey}\n  指纹：${v.recipient.digits}\n  中院签名公钥指纹：${v.recipient.signingDigits ?? '未登记（无法核验中院回执）'}` : '报送中院：尚未设置（courtdesk recipient card 中院公钥卡）');
  }
  return lines.join('\n');
}

export const keys: CommandSpec = {
  positionals: ['init|show|export-public|import-identity|rotate', 'FILE'],
  arity: [1, 2],
  options: { out: { type: 'string' } },
  signIn: 'required',
  async run(g, [sub, file], v, io) {
    if (sub === 'init') {
      const p = await passphrase(true);
      const r = await withSession(g, io, ({ call }) => call('exchange.keysInit', { passphrase: p }));
      print(io, g, r, () => `已生成本院报送密钥，私钥已用口令加密保存。请妥善保管口令：遗失后无法找回。\n${showText(r)}\n下一步：courtdesk keys export-public --out 公钥卡.txt`);
      return 0;
    }
    if (sub === 'rotate') {
      const p = await passphrase(false);
      const r = await withSession(g, io, ({ call }) => call('exchange.keysRotate', { passphrase: p }));
      print(io, g, r, () => `已生成新的签名密钥（用同一口令加密保存），下一个报送包仍由旧密钥签名并向中院宣告新密钥，此后的报送包改用新密钥。\n新公钥：${r.line}\n指纹：${r.digits}`);
      return 0;
    }
    if (sub === 'show') {
      const r = await withSession(g, io, ({ call }) => call('exchange.keysShow', {}));
      print(io, g, r, () => showText(r));
      return 0;
    }
    if (sub === 'export-public') {
      const out = required(v, 'out', '公钥卡的输出文件');
      const p = await passphrase(false);
      const r = await withSession(g, io, ({ call }) => call('exchange.keysExportPublic', { passphrase: p }));
      try {
        writeFileSync(path.resolve(out), r.text, { flag: 'wx' });
      } catch (err) {
        const exists = (err as NodeJS.ErrnoException).code === 'EEXIST';
        throw new CliError(exists ? `文件已存在：${out}，不会覆盖` : `无法写入 ${out}`, 1);
      }
      print(io, g, { file: path.resolve(out), digits: r.digits }, () => `已写出公钥卡 ${path.resolve(out)}\n请与对方法院通过电话逐组核对指纹：${r.digits}`);
      return 0;
    }
    if (sub === 'import-identity') {
      if (!file) throw new CliError('请给出 age-keygen 生成的身份文件，如 courtdesk keys import-identity key.txt', 2);
      const identityText = readSmall(file, 'age 身份文件');
      const p = await passphrase(true);
      const r = await withSession(g, io, ({ call }) => call('exchange.keysImportIdentity', { identityText, passphrase: p }));
      print(io, g, r, () => `已导入解密密钥，私钥已用口令加密保存。\n${showText(r)}`);
      return 0;
    }
    throw new CliError(`未知的子命令：${sub}；可用 init、show、export-public、import-identity、rotate`, 2);
  },
};

export const recipient: CommandSpec = {
  positionals: ['set|card', 'AGE_RECIPIENT|CARD'],
  options: { 'court-code': { type: 'string' }, 'court-name': { type: 'string' }, 'signing-key': { type: 'string' } },
  signIn: 'required',
  async run(g, [sub, arg], v, io) {
    // recipient card FILE: the intermediate court's card, checked (signature, fingerprints), then both its keys recorded.
    if (sub === 'card') {
      const text = readSmall(arg, '公钥卡');
      const r = await withSession(g, io, async ({ call }) => {
        const c = await call('exchange.recipientCardCheck', { card: text });
        await call('exchange.recipientSet', { recipient: c.recipient, courtCode: c.courtCode, courtName: c.courtName, signingKey: c.signingKey });
        return c;
      });
      print(io, g, r, () => `已设置报送中院：${r.courtName}（${r.courtCode}）\n请与中院通过电话逐组核对两组指纹：\n  加密公钥（age）：${r.digits}\n  签名公钥（minisign）：${r.signingDigits}`);
      return 0;
    }
    if (sub !== 'set') throw new CliError('用法：courtdesk recipient card 中院公钥卡文件，或 courtdesk recipient set AGE_RECIPIENT --court-code 代码 --court-name 名称 [--signing-key 中院签名公钥]', 2);
    const courtCode = required(v, 'court-code', '中院的法院代码，如 辽04');
    const courtName = required(v, 'court-name', '中院的名称');
    const signingKey = typeof v['signing-key'] === 'string' ? v['signing-key'] : undefined;
    const r = await withSession(g, io, ({ call }) => call('exchange.recipientSet', { recipient: arg, courtCode, courtName, ...(signingKey ? { signingKey } : {}) }));
    const rc = r.recipient!;
    const sign = rc.signingDigits ? `\n  签名公钥（minisign）：${rc.signingDigits}` : '\n（未登记中院签名公钥：中院回执将无法核验，可用 courtdesk recipient card 读取中院公钥卡）';
    print(io, g, rc, () => `已设置报送中院：${rc.courtName}（${rc.courtCode}）\n请与中院通过电话逐组核对指纹：\n  加密公钥（age）：${rc.digits}${sign}`);
    return 0;
  },
};

export const register: CommandSpec = {
  positionals: ['CARD'],
  options: {},
  signIn: 'required',
  async run(g, [card], _v, io) {
    const text = readSmall(card, '公钥卡');
    const r = await withSession(g, io, ({ call }) => call('exchange.register', { card: text }));
    print(io, g, r, () => `已登记 ${r.courtName}（${r.courtCode}）的签名公钥\n指纹：${r.digits}（应与电话核对的一致）`);
    return 0;
  },
};
