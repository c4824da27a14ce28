// courtdesk help-measure add | list: an intermediate court's help measures (帮扶措施) for a basic court, through the exchange domain's help calls.
import type { CourtLedgerView } from '../../../shared/exchange/helpApi';
import { CliError, dateOption, positiveInt, print, required, withSession, type CommandSpec, type Values } from '../cliHost';

/** --weakpoint may be given once or more (another command may declare it as a list); each value may list ids with commas. */
function weakPointIds(v: Values): number[] {
  const raw = v.weakpoint;
  const values = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  const ids = values.flatMap((s) => s.split(/[,，]/)).map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new CliError('缺少 --weakpoint（措施针对的薄弱点编号，见该院台账）', 2);
  return ids.map((s) => positiveInt(s, 'weakpoint', Number.MAX_SAFE_INTEGER));
}

function listText(r: CourtLedgerView): string {
  if (r.help.length === 0) return `本院尚未为 ${r.courtName}（${r.courtCode}）填写帮扶措施`;
  return [
    `${r.courtName}（${r.courtCode}）的帮扶措施 ${r.help.length} 项：`,
    ...r.help.map((m) => {
      const last = m.progress.at(-1);
      return `  [${m.id}] ${m.statusLabel} ${m.startOn} 至 ${m.dueOn}${m.doneOn ? `（${m.doneOn} 完成）` : ''} ${m.text}；薄弱点 ${m.weakPointIds.join('、')}；${m.leader} / ${m.owner} / ${m.division}${last ? `；最近进展 ${last.onDate} ${last.text}` : ''}`;
    }),
  ].join('\n');
}

export const helpMeasure: CommandSpec = {
  positionals: ['add|list', 'TEXT'],
  arity: [1, 2],
  options: {
    court: { type: 'string' },
    weakpoint: { type: 'string', multiple: true },
    leader: { type: 'string' },
    owner: { type: 'string' },
    division: { type: 'string' },
    start: { type: 'string' },
    due: { type: 'string' },
  },
  signIn: 'required',
  async run(g, [sub, text], v, io) {
    const courtCode = required(v, 'court', '基层法院代码，如 辽0421');
    if (sub === 'list') {
      const r = await withSession(g, io, ({ call }) => call('exchange.courtLedger', { courtCode }));
      print(io, g, r.help, () => listText(r));
      return 0;
    }
    if (sub !== 'add') throw new CliError(`help-measure 的子命令只能是 add 或 list，而不是“${sub}”`, 2);
    if (text === undefined || text.trim() === '') throw new CliError('请写明帮扶措施内容，如 courtdesk help-measure add --court 辽0421 "派员驻点指导长期未结案件清理" …', 2);
    const args = {
      courtCode,
      text,
      weakPointIds: weakPointIds(v),
      leader: required(v, 'leader', '责任领导'),
      owner: required(v, 'owner', '责任人'),
      division: required(v, 'division', '责任部门'),
      startOn: dateOption(required(v, 'start', '开始日期'), 'start'),
      dueOn: dateOption(required(v, 'due', '完成期限'), 'due'),
    };
    const r = await withSession(g, io, ({ call }) => call('exchange.helpAdd', args));
    print(io, g, r, () => `已为 ${courtCode} 新增帮扶措施，编号 ${r.id}；制作该院的中院回执时随回执送达`);
    return 0;
  },
};
