// `courtdesk extension request|opinion|decide|forward|higher-court|list|show|study|form`: the extension workflow (延长审限)
// on the command line through the same calls and role checks as the window; usage errors exit 2 before the file is opened.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { API, type ApiArgs, type ApiMethod, type ExtensionDetail, type ExtensionRow } from '../../../shared/api/contract';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/extensions/api';
import { EXTENSION_REASONS } from '../../../shared/extensions/rules';
import { spanLabel } from '../../../shared/deadlines/limits';
import { writeFileWhole } from '../../core/print/wholeFile';
import { CliError, print, required, withSession, type CommandSpec, type Values } from '../cliHost';
import { studyText } from './extensionStudy';

const SUBCOMMANDS = ['request', 'opinion', 'decide', 'forward', 'higher-court', 'list', 'show', 'study', 'form'] as const;
type Sub = (typeof SUBCOMMANDS)[number];

const ACCEPTS: Record<Sub, readonly string[]> = {
  request: ['months', 'days', 'reason', 'text', 'attach'],
  opinion: ['agree', 'disagree', 'text'],
  decide: ['approve', 'reject', 'months', 'days', 'text'],
  forward: ['text'],
  'higher-court': ['approve', 'reject', 'months', 'days', 'text'],
  list: ['status', 'case'],
  show: [],
  study: ['from', 'to'],
  form: ['out'],
};
const OPTIONS = [...new Set(Object.values(ACCEPTS).flat())];
const BOOLEANS = new Set(['agree', 'disagree', 'approve', 'reject']);
/** The option an argument of a call comes from, so a refusal of the call's schema names what was typed. */
const OPTION_OF: Record<string, string> = { explanation: 'text', comment: 'text', reason: 'reason', months: 'months', days: 'days', caseNumber: 'case', attachments: 'attach', from: 'from', to: 'to' };

function checked<M extends ApiMethod>(method: M, args: ApiArgs<M>): ApiArgs<M> {
  const r = API[method].args.safeParse(args);
  if (r.success) return args;
  const issue = r.error.issues[0];
  const key = issue.path.find((p): p is string => typeof p === 'string') ?? '';
  if (key === 'caseNumber' && method === 'extensions.request') throw new CliError(`案号：${issue.message}`, 2);
  throw new CliError(OPTION_OF[key] ? `--${OPTION_OF[key]}：${issue.message}` : issue.message, 2);
}

function count(v: Values, name: string): number | undefined {
  const value = v[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value.trim())) throw new CliError(`--${name} 应为非负整数，而不是“${String(value)}”`, 2);
  return Number(value.trim());
}

function requestId(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new CliError(`申请编号应为正整数，而不是“${text}”`, 2);
  return Number(text);
}

/** Exactly one of two switches, as the line must say which. */
function either(v: Values, yes: string, no: string): boolean {
  if (v[yes] === true && v[no] === true) throw new CliError(`--${yes} 与 --${no} 只能选一个`, 2);
  if (v[yes] !== true && v[no] !== true) throw new CliError(`请用 --${yes} 或 --${no} 表明意见`, 2);
  return v[yes] === true;
}

/** Each --attach file read whole, its name kept; a missing or oversized file is a usage error. */
function attachments(v: Values): Array<{ name: string; base64: string }> {
  const raw = v.attach;
  const files = raw === undefined ? [] : Array.isArray(raw) ? raw : [String(raw)];
  return files.map((file) => {
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      throw new CliError(`--attach：找不到文件“${file}”`, 2);
    }
    if (size > ATTACHMENT_MAX_BYTES) throw new CliError(`--attach：“${path.basename(file)}”超过 10 MB`, 2);
    return { name: path.basename(file), base64: readFileSync(file).toString('base64') };
  });
}

function span(s: { months: number; days: number }): string {
  return spanLabel(s);
}

const STEP_TEXT: Record<string, string> = { agree: '同意', disagree: '不同意', approved: '批准', rejected: '不批准', forwarded: '已报送' };
const STEP_NAME: Record<string, string> = { opinion: '庭长意见', decision: '审批', forwarded: '报送上级法院', higher_court: '上级法院答复' };

/** A request as the desk shows it, one fact a line. */
function describe(x: ExtensionDetail | ExtensionRow): string {
  const lines = [
    `申请 ${x.id}\t${x.caseNumber}\t${x.cause}\t${x.division} ${x.judge}`,
    `申请延长 ${span(x.asked)}${x.approved ? `，批准 ${span(x.approved)}` : ''}\t${x.stageLabel}${x.waitingFor ? `（${x.waitingFor}）` : ''}${x.routeLabel ? `\t审批：${x.routeLabel}` : ''}${x.late ? '\t逾期申请' : ''}`,
    `理由：${x.reason}${x.explanation ? `：${x.explanation}` : ''}`,
    `申请人：${x.requestedBy ?? '—'}，${x.requestedOn}\t审限届满：${x.dueOn ?? '—'}${x.daysRemaining !== null ? `（剩余 ${x.daysRemaining} 天）` : ''}\t此前已延长 ${x.earlierExtensions} 次`,
    `承办法官未结 ${x.judgeOpen} 件，其中超审限 ${x.judgeOverdue} 件`,
  ];
  for (const s of x.steps) {
    const granted = s.months !== null && s.days !== null && s.outcome === 'approved' ? ` ${span({ months: s.months, days: s.days })}` : '';
    lines.push(`${STEP_NAME[s.step]}：${STEP_TEXT[s.outcome]}${granted}\t${s.by ?? ''} ${s.on}${s.late ? '（晚于届满前 5 日）' : ''}${s.comment ? `\t${s.comment}` : ''}`);
  }
  if ('attachments' in x) for (const a of x.attachments) lines.push(`附件 ${a.id}：${a.name}（${Math.ceil(a.size / 1024)} KB）`);
  if ('notes' in x) for (const note of x.notes) lines.push(`提示：${note}`);
  return lines.join('\n');
}

export const extension: CommandSpec = {
  positionals: ['request|opinion|decide|forward|higher-court|list|show|study|form', '案号或申请编号'],
  arity: [1, 2],
  options: Object.fromEntries(OPTIONS.map((o) => [o, o === 'attach' ? { type: 'string', multiple: true } : { type: BOOLEANS.has(o) ? 'boolean' : 'string' }])) as CommandSpec['options'],
  signIn: 'required',
  async run(g, [subText, target], v, io) {
    if (!(SUBCOMMANDS as readonly string[]).includes(subText)) throw new CliError(`未知的 extension 子命令“${subText}”，应为 ${SUBCOMMANDS.join('、')}`, 2);
    const sub = subText as Sub;
    for (const o of OPTIONS) if (v[o] !== undefined && !ACCEPTS[sub].includes(o)) throw new CliError(`extension ${sub} 不接受选项 --${o}`, 2);
    if (sub === 'list') {
      if (target !== undefined) throw new CliError(`命令 extension list 不接受多余的参数“${target}”`, 2);
      const status = typeof v.status === 'string' ? v.status : 'waiting';
      if (status !== 'waiting' && status !== 'decided' && status !== 'all') throw new CliError(`--status 应为 waiting、decided 或 all，而不是“${status}”`, 2);
      const args = checked('extensions.list', { status, ...(typeof v.case === 'string' ? { caseNumber: v.case } : {}) });
      const rows = await withSession(g, io, ({ call }) => call('extensions.list', args));
      print(io, g, rows, () => (rows.length ? rows.map(describe).join('\n\n') : status === 'waiting' ? '没有待审批的延长审限申请' : '没有延长审限申请'));
      return 0;
    }
    if (sub === 'study') {
      if (target !== undefined) throw new CliError(`命令 extension study 不接受多余的参数“${target}”`, 2);
      const args = checked('extensions.study', { ...(typeof v.from === 'string' ? { from: v.from } : {}), ...(typeof v.to === 'string' ? { to: v.to } : {}) });
      const study = await withSession(g, io, ({ call }) => call('extensions.study', args));
      print(io, g, study, () => studyText(study));
      return 0;
    }
    if (target === undefined) throw new CliError(`命令 extension ${sub} 需要参数：${sub === 'request' ? '案号' : '申请编号'}`, 2);
    if (sub === 'form') return printForm(g, requestId(target), v, io);
    const text = () => required(v, 'text', sub === 'request' ? '申请延长的具体理由' : '意见');
    const months = count(v, 'months');
    const days = count(v, 'days');
    let run: (call: Parameters<Parameters<typeof withSession>[2]>[0]['call']) => Promise<ExtensionDetail>;
    let headline: (x: ExtensionDetail) => string;
    switch (sub) {
      case 'request': {
        if (months === undefined && days === undefined) throw new CliError('缺少 --months 或 --days（延长的月数或天数）', 2);
        const reason = required(v, 'reason', `延长理由：${EXTENSION_REASONS.join('、')}`);
        const args = checked('extensions.request', { caseNumber: target, months: months ?? 0, days: days ?? 0, reason: reason as never, explanation: text(), attachments: attachments(v) });
        run = (call) => call('extensions.request', args);
        headline = (x) => `已提出延长审限申请 ${x.id}：${x.caseNumber} 延长 ${span(x.asked)}，${x.stageLabel}`;
        break;
      }
      case 'opinion': {
        const args = checked('extensions.opinion', { id: requestId(target), agree: either(v, 'agree', 'disagree'), comment: text() });
        run = (call) => call('extensions.opinion', args);
        headline = (x) => `已签署意见：申请 ${x.id} ${args.agree ? '同意' : '不同意'}，${x.stageLabel}`;
        break;
      }
      case 'forward': {
        const comment = typeof v.text === 'string' && v.text.trim() ? v.text.trim() : undefined;
        const args = checked('extensions.forward', { id: requestId(target), ...(comment ? { comment } : {}) });
        run = (call) => call('extensions.forward', args);
        headline = (x) => `已登记申请 ${x.id} 报送${x.routeLabel ?? '上级法院'}`;
        break;
      }
      case 'show': {
        const args = checked('extensions.get', { id: requestId(target) });
        run = (call) => call('extensions.get', args);
        headline = () => '';
        break;
      }
      default: {
        const approve = either(v, 'approve', 'reject');
        if (!approve && (months !== undefined || days !== undefined)) throw new CliError('不批准时不填写 --months 或 --days', 2);
        const method = sub === 'decide' ? 'extensions.decide' : 'extensions.higherCourt';
        const args = checked(method, { id: requestId(target), approve, ...(months !== undefined ? { months } : {}), ...(days !== undefined ? { days } : {}), comment: text() });
        run = (call) => call(method, args);
        headline = (x) => (x.status === 'approved'
          ? `已${sub === 'decide' ? '批准' : '登记上级法院批准'}：申请 ${x.id} 延长 ${span(x.approved!)}，${x.caseNumber} 审限届满日为 ${x.dueOn ?? '—'}`
          : `已${sub === 'decide' ? '不批准' : '登记上级法院不批准'}：申请 ${x.id}，${x.caseNumber} 审限届满日仍为 ${x.dueOn ?? '—'}`);
        break;
      }
    }
    const x = await withSession(g, io, ({ call }) => run(call));
    print(io, g, x, () => [headline(x), describe(x)].filter(Boolean).join('\n'));
    return 0;
  },
};

/** `extension form ID --out FILE.pdf`: the 审批表 as the window downloads it, written whole or not at all. */
async function printForm(g: Parameters<CommandSpec['run']>[0], id: number, v: Values, io: Parameters<CommandSpec['run']>[3]): Promise<number> {
  const out = required(v, 'out', '保存审批表的 PDF 文件路径');
  if (!/\.pdf$/i.test(out)) throw new CliError('--out：审批表只能保存为 .pdf 文件，请把文件名改为以 .pdf 结尾', 2);
  const file = path.resolve(out);
  const form = await withSession(g, io, ({ call }) => call('extensions.form', checked('extensions.form', { id })));
  try {
    writeFileWhole(file, Buffer.from(form.base64, 'base64'));
  } catch {
    throw new CliError(`--out：无法写入“${file}”（文件夹不存在或没有写入权限），没有生成文件`, 1);
  }
  print(io, g, { id: form.id, out: file, bytes: form.bytes }, () => `已生成延长审理期限审批表：申请 ${form.id}（${form.caseNumber}），${file}（${Math.ceil(form.bytes / 1024)} KB）`);
  return 0;
}

function onOff(value: Values[string], name: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (value !== 'on' && value !== 'off') throw new CliError(`--${name} 只接受 on 或 off，而不是“${String(value)}”`, 2);
  return value === 'on';
}

const list = (value: Values[string]): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [String(value)]);

/** `extension-settings`: whether late requests are refused, and which divisions a vice-president decides (管理员). */
export const extensionSettings: CommandSpec = {
  positionals: [],
  options: { 'refuse-late': { type: 'string' }, delegate: { type: 'string', multiple: true }, undelegate: { type: 'string', multiple: true } },
  signIn: 'required',
  async run(g, _args, v, io) {
    const refuseLate = onOff(v['refuse-late'], 'refuse-late');
    const delegate = list(v.delegate).map((pair) => {
      const m = /^([^=]+)=(.+)$/.exec(pair.trim());
      if (!m) throw new CliError(`--delegate 应写作 部门=分管院领导姓名，而不是“${pair}”`, 2);
      return [m[1].trim(), m[2].trim()] as const;
    });
    const undelegate = list(v.undelegate).map((d) => d.trim());
    const settings = await withSession(g, io, async ({ call }) => {
      const current = await call('extensions.settings', {});
      if (refuseLate === undefined && delegate.length === 0 && undelegate.length === 0) return current;
      const delegations = { ...current.delegations, ...Object.fromEntries(delegate) };
      for (const d of undelegate) delete delegations[d];
      return call('extensions.setSettings', checked('extensions.setSettings', { ...(refuseLate !== undefined ? { refuseLate } : {}), delegations }));
    });
    const lines = [`逾期申请：${settings.refuseLate ? '不受理' : '受理，标明“逾期申请”并须书面说明'}`];
    const entries = Object.entries(settings.delegations);
    lines.push(entries.length ? entries.map(([d, n]) => `${d}：由 ${n} 审批（受院长委托）`).join('\n') : '各部门的延长审限均由院长审批');
    print(io, g, settings, () => lines.join('\n'));
    return 0;
  },
};
