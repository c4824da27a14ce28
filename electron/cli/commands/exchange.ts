// courtdesk export | verify | receive | courts | compare | exports: the 报送包 at both ends, through the exchange domain's calls.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeFailureText, writeFileWhole } from '../../core/print/wholeFile';
import type { ExportView, VerifyView } from '../../../shared/exchange/api';
import { DATA_PARTS } from '../../../shared/exchange/partNames';
import { COMPARE_ALL_IDS, COMPARE_KEY_IDS, compareLines } from '../../../shared/exchange/compareText';
import { CliError, dateOption, positiveInt, print, required, withSession, type CommandSpec, type Values } from '../cliHost';
import { readPassphrase } from '../password';

const PART_LABELS: Record<(typeof DATA_PARTS)[number], string> = {
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

function countsText(counts: Record<string, number> | null): string {
  if (!counts) return '';
  return DATA_PARTS.filter((p) => p !== 'indicators.json' && p !== 'ranges.json' && p !== 'audit_chain.json').map((p) => `${PART_LABELS[p]} ${counts[p] ?? 0}`).join('，');
}

async function passphrase(): Promise<string> {
  const p = await readPassphrase(false);
  if (p === null || p === '') throw new CliError('需要密钥口令：请输入，或通过环境变量 COURTDESK_PASSPHRASE 提供', 2);
  return p;
}

function outDir(v: Values): string {
  return path.resolve(required(v, 'out-dir', '保存报送包的文件夹，如 U 盘'));
}

function exported(r: ExportView): string {
  return `${r.file}`;
}

export const exportCmd: CommandSpec = {
  positionals: [],
  options: { from: { type: 'string' }, to: { type: 'string' }, incremental: { type: 'boolean' }, 'with-party-names': { type: 'boolean' }, 'out-dir': { type: 'string' }, 'preflight-only': { type: 'boolean' } },
  signIn: 'required',
  async run(g, _args, v, io) {
    const from = dateOption(required(v, 'from', '报送期间的起始日期'), 'from');
    const to = dateOption(required(v, 'to', '报送期间的截止日期'), 'to');
    if (from > to) throw new CliError('--from 不能晚于 --to', 2);
    if (v['preflight-only']) {
      const r = await withSession(g, io, ({ call }) => call('exchange.preflight', { from, to }));
      print(io, g, r, () => (r.issues.length === 0 ? `报送前检查：${from} 至 ${to} 未发现问题（${countsText(r.counts)}）` : [`报送前检查：${r.issues.length + r.more} 个问题${r.more ? `（只列出前 ${r.issues.length} 个）` : ''}`, ...r.issues.map((i) => `${i.caseNumber}\t${i.field}\t${i.message}`)].join('\n')));
      return 0;
    }
    const dir = outDir(v);
    const pass = await passphrase();
    const r = await withSession(g, io, ({ call }) => call('exchange.export', { from, to, incremental: v.incremental === true, includePartyNames: v['with-party-names'] === true, outDir: dir, passphrase: pass }));
    print(io, g, r, () => exported(r));
    return 0;
  },
};

function verifyText(r: VerifyView): string {
  const head = r.ok ? (r.alreadyImported ? '核验通过：此报送包已导入，无需重复导入' : '核验通过') : `核验未通过：${r.reason}`;
  const about = r.senderCode ? `${r.senderName ?? ''}（${r.senderCode}） 序号 ${r.sequence} ${r.kind === 'incremental' ? `增量（基于序号 ${r.baseSequence}）` : '全量'} ${r.from} 至 ${r.to}；${countsText(r.counts)}` : '';
  return [head, about, ...r.warnings.map((w) => `注意：${w}`)].filter(Boolean).join('\n');
}

export const verify: CommandSpec = {
  positionals: ['FILE'],
  options: {},
  signIn: 'required',
  async run(g, [file], _v, io) {
    const r = await withSession(g, io, ({ call }) => call('exchange.verify', { file: path.resolve(file) }));
    print(io, g, r, () => verifyText(r));
    return r.ok ? 0 : 1;
  },
};

export const receive: CommandSpec = {
  positionals: ['FILE'],
  options: {},
  signIn: 'required',
  async run(g, [file], _v, io) {
    const pass = await passphrase();
    const r = await withSession(g, io, ({ call }) => call('exchange.receive', { file: path.resolve(file), passphrase: pass }));
    print(io, g, r, () =>
      [
        r.status === 'alreadyImported' ? `已导入，无需重复导入：${r.senderName}（${r.senderCode}）序号 ${r.sequence}` : `已导入 ${r.senderName}（${r.senderCode}）序号 ${r.sequence}（${r.kind === 'incremental' ? '增量' : '全量'}，${r.from} 至 ${r.to}）：${countsText(r.counts)}`,
        ...r.warnings.map((w) => `注意：${w}`),
      ].join('\n'),
    );
    return 0;
  },
};

export const courts: CommandSpec = {
  positionals: [],
  options: {},
  signIn: 'required',
  async run(g, _args, _v, io) {
    const r = await withSession(g, io, ({ call }) => call('exchange.courts', {}));
    print(io, g, r, () => (r.length === 0 ? '尚未收到任何基层法院的报送包' : r.map((c) => `${c.senderCode}\t${c.senderName}\t最后序号 ${c.lastSequence}\t${c.periodFrom} 至 ${c.periodTo}\t导入于 ${c.receivedAt.slice(0, 16).replace('T', ' ')}\t共 ${c.packages} 个${c.chainAlert ? `\t！审计日志异常（序号 ${c.chainAlert.sequence}）：${c.chainAlert.message}` : ''}`).join('\n')));
    return 0;
  },
};

/** 各院对比: every basic court's latest figures against this court's ranges, with the courts' median; court-code order, no rank. */
export const compare: CommandSpec = {
  positionals: [],
  options: { all: { type: 'boolean' } },
  signIn: 'required',
  async run(g, _args, v, io) {
    const r = await withSession(g, io, ({ call }) => call('exchange.compare', {}));
    print(io, g, r, () => compareLines(r, v.all ? COMPARE_ALL_IDS : COMPARE_KEY_IDS).join('\n'));
    return 0;
  },
};

export const exportsCmd: CommandSpec = {
  positionals: ['list|rewrite', 'SEQUENCE'],
  arity: [0, 2],
  options: { 'out-dir': { type: 'string' } },
  signIn: 'required',
  async run(g, [sub = 'list', seqText], v, io) {
    if (sub === 'list') {
      const r = await withSession(g, io, ({ call }) => call('exchange.exports', {}));
      print(io, g, r, () => (r.length === 0 ? '本院尚未生成报送包' : r.map((e) => `${e.sequence}\t${e.kind === 'incremental' ? `增量（基于 ${e.baseSequence}）` : '全量'}\t${e.periodFrom} 至 ${e.periodTo}\t${e.fileName}\t${e.payloadSha256.slice(0, 16)}…\t${e.createdAt.slice(0, 16).replace('T', ' ')}\t${e.createdBy}`).join('\n')));
      return 0;
    }
    if (sub !== 'rewrite') throw new CliError(`exports 的子命令只能是 list 或 rewrite，而不是“${sub}”`, 2);
    if (seqText === undefined) throw new CliError('请写明要重写的报送包序号，如 courtdesk exports rewrite 7 --out-dir /media/usb', 2);
    const sequence = positiveInt(seqText, 'SEQUENCE', Number.MAX_SAFE_INTEGER);
    const dir = outDir(v);
    const r = await withSession(g, io, ({ call }) => call('exchange.rewrite', { sequence, outDir: dir }));
    print(io, g, r, () => exported(r));
    return 0;
  },
};

export const returnCmd: CommandSpec = {
  positionals: ['make|import', 'FILE'],
  arity: [1, 2],
  options: { court: { type: 'string' }, out: { type: 'string' } },
  signIn: 'required',
  async run(g, [sub, fileArg], v, io) {
    if (sub === 'make') {
      const courtCode = required(v, 'court', '基层法院代码，如 辽0421');
      const out = path.resolve(required(v, 'out', '保存回执的文件路径'));
      const pass = await passphrase();
      const r = await withSession(g, io, ({ call }) => call('exchange.returnMake', { courtCode, passphrase: pass }));
      try {
        writeFileWhole(out, Buffer.from(r.text, 'utf8'));
      } catch (err) {
        throw new CliError(`--out：无法写入“${out}”（${writeFailureText(err)}），没有生成回执`, 1);
      }
      print(io, g, { file: out, courtCode: r.courtCode, lastImported: r.lastImported, helpMeasures: r.helpMeasures }, () => `已生成给 ${r.courtCode} 的中院回执：${out}（${r.lastImported ? `确认收到序号 ${r.lastImported.sequence}` : '尚未收到该院的报送包'}；帮扶措施 ${r.helpMeasures} 项）`);
      return 0;
    }
    if (sub !== 'import') throw new CliError(`return 的子命令只能是 make 或 import，而不是“${sub}”`, 2);
    if (fileArg === undefined) throw new CliError('请写明中院回执文件，如 courtdesk return import 回执.cdret', 2);
    const file = path.resolve(fileArg);
    let text: string;
    try {
      if (statSync(file).size > 3 * 98_304) throw new CliError(`“${file}”过大，不是中院回执`, 1);
      text = readFileSync(file, 'utf8');
    } catch (err) {
      if (err instanceof CliError) throw err;
      throw new CliError(`无法读取“${file}”（不存在或没有读取权限）`, 1);
    }
    const r = await withSession(g, io, ({ call }) => call('exchange.returnImport', { fileName: path.basename(file), text }));
    print(io, g, r, () =>
      [
        r.status === 'alreadyImported' ? '这份中院回执已导入，无需重复导入' : `已导入 ${r.from.courtName}（${r.from.courtCode}）的回执：合理区间 ${r.rangesImported} 项；帮扶措施 ${r.helpMeasures} 项；${r.lastImported ? `中院已收到序号 ${r.lastImported.sequence}` : '中院尚未收到本院的报送包'}；下一个报送包序号 ${r.nextSequence}`,
        ...r.warnings.map((w) => `注意：${w}`),
      ].join('\n'),
    );
    return 0;
  },
};

export const revoke: CommandSpec = {
  positionals: [],
  options: { court: { type: 'string' }, 'from-sequence': { type: 'string' }, card: { type: 'string' } },
  signIn: 'required',
  async run(g, _args, v, io) {
    const courtCode = required(v, 'court', '基层法院代码，如 辽0421');
    const fromSequence = positiveInt(required(v, 'from-sequence', '自哪个序号起不再信任该公钥'), 'from-sequence', Number.MAX_SAFE_INTEGER);
    let card: string | undefined;
    if (typeof v.card === 'string') {
      try {
        card = readFileSync(path.resolve(v.card), 'utf8');
      } catch {
        throw new CliError(`--card：无法读取“${v.card}”`, 2);
      }
    }
    const r = await withSession(g, io, ({ call }) => call('exchange.revoke', { courtCode, fromSequence, ...(card !== undefined ? { card } : {}) }));
    print(io, g, r, () => `已吊销 ${r.courtCode} 自序号 ${r.fromSequence} 起的签名公钥 ${r.revokedKey}${r.newKey ? `；自该序号起改用新登记的公钥 ${r.newKey}` : '；该院须登记新的公钥卡后才能再报送'}`);
    return 0;
  },
};
