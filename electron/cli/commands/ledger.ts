// `courtdesk ledger add-weakpoint|add-measure|progress|list`: the 脱薄 ledger on the command line through the same calls and role checks as the window; usage errors exit 2 before the file is opened.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { API, type ApiArgs, type ApiMethod, type LedgerView, type MeasureView } from '../../../shared/api/contract';
import { localToday } from '../../../shared/dates/calendar';
import { INDICATORS } from '../../../shared/indicators/catalogue';
import { EVIDENCE_MAX_BYTES, EVIDENCE_MAX_FILES } from '../../../shared/ledger/api';
import { FOUND_BY_LABELS, isTargetIndicator, MEASURE_STATUS_LABELS, parseTarget, TARGET_INDICATORS, type FoundBy } from '../../../shared/ledger/rules';
import { CliError, dateOption, print, required, withSession, type CommandSpec, type GlobalOptions, type Io, type Values } from '../cliHost';

type Run = (g: GlobalOptions, target: string | undefined, v: Values, io: Io) => Promise<number>;

/** Each subcommand with the options it accepts (the documents helper adds `export` here). */
const SUBCOMMANDS: Record<string, { accepts: readonly string[]; run: Run }> = {
  'add-weakpoint': { accepts: ['indicator', 'target', 'by', 'found-by', 'found-on'], run: addWeakPoint },
  'add-measure': { accepts: ['weakpoint', 'leader', 'owner', 'division', 'start', 'due', 'help-measure', 'meeting'], run: addMeasure },
  progress: { accepts: ['text', 'on', 'done', 'evidence'], run: progress },
  list: { accepts: [], run: list },
};
const MULTIPLE = new Set(['indicator', 'target', 'by', 'weakpoint', 'evidence']);
const BOOLEANS = new Set(['help-measure', 'done']);
const OPTIONS = [...new Set(Object.values(SUBCOMMANDS).flatMap((s) => s.accepts))];

/** The option (or argument) each field of the calls comes from, so a refusal of the call's schema names what was typed. */
const OPTION_OF: Record<string, string> = {
  text: '内容', indicator: '--indicator', target: '--target', foundBy: '--found-by', foundOn: '--found-on', weakPointIds: '--weakpoint',
  leader: '--leader', owner: '--owner', division: '--division', startOn: '--start', meetingId: '--meeting', onDate: '--on', evidence: '--evidence', measureId: '措施编号',
};

function checked<M extends ApiMethod>(method: M, args: ApiArgs<M>): ApiArgs<M> {
  const r = API[method].args.safeParse(args);
  if (r.success) return args;
  const issue = r.error.issues[0];
  const keys = issue.path.filter((p): p is string => typeof p === 'string');
  const key = keys[keys.length - 1] ?? '';
  // dueOn is a target's --by in a weak point and the measure's --due; text is the progress's --text.
  const option = key === 'dueOn' ? (keys[0] === 'targets' ? '--by' : '--due') : key === 'text' && method === 'ledger.progress' ? '--text' : OPTION_OF[key];
  throw new CliError(option ? `${option}：${issue.message}` : issue.message, 2);
}

const list_ = (value: Values[string]): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [String(value)]);

function id(text: string, what: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1 || Number(text) > 2 ** 31) throw new CliError(`${what}应为正整数，而不是“${text}”`, 2);
  return Number(text.trim());
}

function today(g: GlobalOptions): string {
  return g.today ?? localToday();
}

const FOUND_BY_TEXT: Record<string, FoundBy> = { 本院: 'self', 中院: 'intermediate', 高院: 'high', self: 'self', intermediate: 'intermediate', high: 'high' };

async function addWeakPoint(g: GlobalOptions, text: string | undefined, v: Values, io: Io): Promise<number> {
  if (text === undefined) throw new CliError('命令 ledger add-weakpoint 需要参数：薄弱点内容', 2);
  const indicators = list_(v.indicator);
  const targets = list_(v.target);
  const bys = list_(v.by);
  if (indicators.length === 0) throw new CliError(`缺少 --indicator（薄弱点的指标，如 longPending12Ratio；可选：${TARGET_INDICATORS.join('、')}）`, 2);
  if (targets.length !== indicators.length || bys.length !== indicators.length) {
    throw new CliError(`--indicator、--target、--by 应成组给出（${indicators.length} 个 --indicator，${targets.length} 个 --target，${bys.length} 个 --by）`, 2);
  }
  const list = indicators.map((indicator, i) => {
    const ind = indicator.trim();
    if (!isTargetIndicator(ind)) throw new CliError(`--indicator：“${ind}”不是可作为目标的指标，应为 ${TARGET_INDICATORS.join('、')}`, 2);
    const target = parseTarget(ind, targets[i]);
    if (target === null) throw new CliError(`--target：“${targets[i]}”不是“${INDICATORS[ind].name}”可取的目标值（比例写作 2% 或 0.02）`, 2);
    return { indicator: ind, target, dueOn: dateOption(bys[i].trim(), 'by') };
  });
  const foundByText = typeof v['found-by'] === 'string' ? v['found-by'].trim() : '本院';
  const foundBy = FOUND_BY_TEXT[foundByText];
  if (!foundBy) throw new CliError(`--found-by 应为 本院、中院 或 高院，而不是“${foundByText}”`, 2);
  const foundOn = typeof v['found-on'] === 'string' ? dateOption(v['found-on'].trim(), 'found-on') : today(g);
  const args = checked('ledger.addWeakPoint', { text, foundBy, foundOn, targets: list });
  const r = await withSession(g, io, ({ call }) => call('ledger.addWeakPoint', args));
  print(io, g, { id: r.id }, () => `已新增薄弱点 ${r.id}：${text.trim()}（${FOUND_BY_LABELS[foundBy]}发现，${foundOn}）`);
  return 0;
}

async function addMeasure(g: GlobalOptions, text: string | undefined, v: Values, io: Io): Promise<number> {
  if (text === undefined) throw new CliError('命令 ledger add-measure 需要参数：措施内容', 2);
  const points = list_(v.weakpoint);
  if (points.length === 0) throw new CliError('缺少 --weakpoint（措施针对的薄弱点编号，可重复）', 2);
  const help = v['help-measure'] === true;
  const args = checked('ledger.addMeasure', {
    kind: help ? 'help' : 'rectify',
    text,
    weakPointIds: points.map((p) => id(p, '--weakpoint：薄弱点编号')),
    leader: required(v, 'leader', '责任领导姓名'),
    owner: required(v, 'owner', '责任人姓名'),
    division: required(v, 'division', '责任部门'),
    startOn: dateOption(required(v, 'start', '开始日期'), 'start'),
    dueOn: dateOption(required(v, 'due', '完成期限'), 'due'),
    ...(typeof v.meeting === 'string' ? { meetingId: id(v.meeting, '--meeting：月分析会编号') } : {}),
  });
  const r = await withSession(g, io, ({ call }) => call('ledger.addMeasure', args));
  print(io, g, { id: r.id }, () => `已新增${help ? '帮扶措施' : '整改措施'} ${r.id}：${text.trim()}（${args.startOn} 至 ${args.dueOn}，责任人 ${args.owner}）`);
  return 0;
}

/** Each --evidence file read whole, its name kept; a missing, oversized or surplus file is a usage error. */
function evidence(v: Values): Array<{ name: string; base64: string }> {
  const files = list_(v.evidence);
  if (files.length > EVIDENCE_MAX_FILES) throw new CliError(`--evidence：一次最多附 ${EVIDENCE_MAX_FILES} 个佐证材料`, 2);
  return files.map((file) => {
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      throw new CliError(`--evidence：找不到文件“${file}”`, 2);
    }
    if (size > EVIDENCE_MAX_BYTES) throw new CliError(`--evidence：“${path.basename(file)}”超过 10 MB`, 2);
    return { name: path.basename(file), base64: readFileSync(file).toString('base64') };
  });
}

async function progress(g: GlobalOptions, target: string | undefined, v: Values, io: Io): Promise<number> {
  if (target === undefined) throw new CliError('命令 ledger progress 需要参数：措施编号', 2);
  const args = checked('ledger.progress', {
    measureId: id(target, '措施编号'),
    text: required(v, 'text', '进展情况'),
    ...(typeof v.on === 'string' ? { onDate: dateOption(v.on.trim(), 'on') } : {}),
    done: v.done === true,
    evidence: evidence(v),
  });
  const m = await withSession(g, io, ({ call }) => call('ledger.progress', args));
  print(io, g, m, () => [`已登记措施 ${m.id} 的进展${args.done ? '，措施已完成' : ''}`, measureLines(m, '').join('\n')].join('\n'));
  return 0;
}

function measureLines(m: MeasureView, indent: string): string[] {
  const status = `${m.statusLabel}${m.doneOn ? `（${m.doneOn} 完成${m.doneLate ? '，逾期完成' : ''}）` : ''}${m.origin === 'return' ? '（中院回执）' : ''}`;
  const lines = [
    `${indent}措施 ${m.id}［${m.kindLabel}］${m.text}`,
    `${indent}  责任领导 ${m.leader.name}，责任人 ${m.owner.name}，责任部门 ${m.division.name}；${m.startOn} 至 ${m.dueOn}；${status}`,
  ];
  for (const p of m.progress) {
    const files = p.evidence.length ? `；佐证材料：${p.evidence.map((e) => e.name).join('、')}` : '';
    lines.push(`${indent}  ${p.onDate} ${p.text}${p.done ? '（完成）' : ''}（${p.recordedBy}）${files}`);
  }
  return lines;
}

/** The ledger as a readable Chinese listing: each weak point, its targets then and now, its measures. */
export function ledgerText(l: LedgerView): string {
  const counts = (Object.keys(l.counts) as Array<keyof typeof l.counts>).map((s) => `${MEASURE_STATUS_LABELS[s]} ${l.counts[s]}`).join('，');
  const lines = [`脱薄工作台账（${l.today}）：薄弱点 ${l.weakPoints.length} 个，措施 ${l.measures.length} 项（${counts}）`];
  const byId = new Map(l.measures.map((m) => [m.id, m]));
  const shown = new Set<number>();
  for (const w of l.weakPoints) {
    lines.push('', `薄弱点 ${w.id}：${w.text}（${w.foundByLabel}发现，${w.foundOn}）`);
    for (const t of w.targets) {
      const then = t.then ? `措施开始前（${t.then.from} 至 ${t.then.to}）${t.then.text}` : '措施尚未开始';
      const met = t.met === null ? '' : t.met ? '，已达标' : '，未达标';
      lines.push(`  ${t.name}：目标 ${t.targetText}（${t.dueOn} 前）；${then}；现在（${t.now.from} 至 ${t.now.to}）${t.now.text}${met}`);
    }
    if (w.measureIds.length === 0) lines.push('  （尚无措施）');
    for (const mid of w.measureIds) {
      const m = byId.get(mid)!;
      lines.push(...(shown.has(mid) ? [`  措施 ${mid}（见上）`] : measureLines(m, '  ')));
      shown.add(mid);
    }
  }
  const rest = l.measures.filter((m) => !shown.has(m.id));
  if (rest.length) lines.push('', '未关联薄弱点的措施：', ...rest.flatMap((m) => measureLines(m, '  ')));
  if (l.weakPoints.length === 0 && l.measures.length === 0) lines.push('台账为空：用 courtdesk ledger add-weakpoint 新增薄弱点');
  return lines.join('\n');
}

async function list(g: GlobalOptions, target: string | undefined, _v: Values, io: Io): Promise<number> {
  if (target !== undefined) throw new CliError(`命令 ledger list 不接受多余的参数“${target}”`, 2);
  const l = await withSession(g, io, ({ call }) => call('ledger.list', {}));
  print(io, g, l, () => ledgerText(l));
  return 0;
}

export const ledger: CommandSpec = {
  positionals: [`${Object.keys(SUBCOMMANDS).join('|')}`, '内容或措施编号'],
  arity: [1, 2],
  options: Object.fromEntries(OPTIONS.map((o) => [o, { type: BOOLEANS.has(o) ? 'boolean' : 'string', ...(MULTIPLE.has(o) ? { multiple: true } : {}) }])) as CommandSpec['options'],
  signIn: 'required',
  async run(g, [subText, target], v, io) {
    const sub = Object.prototype.hasOwnProperty.call(SUBCOMMANDS, subText) ? SUBCOMMANDS[subText] : undefined;
    if (!sub) throw new CliError(`未知的 ledger 子命令“${subText}”，应为 ${Object.keys(SUBCOMMANDS).join('、')}`, 2);
    for (const o of OPTIONS) if (v[o] !== undefined && !sub.accepts.includes(o)) throw new CliError(`ledger ${subText} 不接受选项 --${o}`, 2);
    return sub.run(g, target, v, io);
  },
};
