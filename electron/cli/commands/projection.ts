// courtdesk project: the 脱薄 ledger's projection (what-if) month by month, as ledger.project answers it, in --json or as a Chinese table.
import { MAX_MONTHS } from '../../../shared/ledger/projection';
import { MAX_CLEAR_OLDEST, MAX_CLOSE_MORE, MAX_JUDGES_DELTA, type LedgerProjectionResult } from '../../../shared/ledger/projectionApi';
import { CliError, dateOption, positiveInt, print, withSession, type CommandSpec, type Values } from '../cliHost';

function count(v: Values, name: string, max: number): number | undefined {
  const text = v[name];
  if (text === undefined) return undefined;
  if (typeof text !== 'string' || !/^\d+$/.test(text) || Number(text) > max) throw new CliError(`--${name} 应为 0 到 ${max} 之间的整数，而不是“${String(text)}”`, 2);
  return Number(text);
}

const ratio = (x: number | null) => (x === null ? '—' : `${x.toFixed(1)}%`);

/** The table of the what-if, with the baseline's pending beside it when an assumption was given. */
export function projectionTable(r: LedgerProjectionResult): string {
  const a = r.assumptions;
  const asked = a.closeMore > 0 || a.clearOldest > 0 || a.judgesDelta !== 0;
  const said = [
    a.closeMore > 0 ? `每月多结 ${a.closeMore} 件` : '',
    a.clearOldest > 0 ? `${a.by} 前清理最久未结的 ${a.clearOldest} 件` : '',
    a.judgesDelta !== 0 ? `法官${a.judgesDelta > 0 ? '增加' : '减少'} ${Math.abs(a.judgesDelta)} 人` : '',
  ].filter(Boolean);
  const lines = [
    `未结案件预测（${r.scope}，起点 ${r.start}，${said.length ? said.join('，') : '不作任何假设'}）`,
    `依据：近 ${r.rates.historyMonths} 个月月均新收 ${r.rates.filingsPerMonth} 件、结案 ${r.rates.closingsPerMonth} 件，有结案的法官 ${r.rates.judges} 人，起点未结 ${r.rates.openAtStart} 件`,
    '',
    ['月份', '未结案件数', ...(asked ? ['（不作假设）'] : []), '超12个月未结案件比', '结收比', '法定审限内结案率'].join('\t'),
  ];
  r.months.forEach((m, i) => {
    lines.push([m.month, String(m.pending), ...(asked ? [String(r.baseline[i].pending)] : []), ratio(m.longPending12Ratio), ratio(m.clearanceRate), ratio(m.onTimeRate)].join('\t'));
  });
  lines.push('', '模型说明：', ...r.statement.map((s, i) => `${i + 1}. ${s}`));
  return lines.join('\n');
}

export const project: CommandSpec = {
  positionals: [],
  options: { months: { type: 'string' }, 'close-more': { type: 'string' }, 'clear-oldest': { type: 'string' }, by: { type: 'string' }, judges: { type: 'string' }, 'as-of': { type: 'string' } },
  signIn: 'required',
  async run(g, _args, v, io) {
    const months = v.months === undefined ? undefined : positiveInt(String(v.months), 'months', MAX_MONTHS);
    const closeMore = count(v, 'close-more', MAX_CLOSE_MORE);
    const clearOldest = count(v, 'clear-oldest', MAX_CLEAR_OLDEST);
    const by = v.by === undefined ? undefined : dateOption(String(v.by), 'by');
    if (clearOldest !== undefined && clearOldest > 0 && by === undefined) throw new CliError('--clear-oldest 需要同时给出 --by 完成日期', 2);
    if (by !== undefined && clearOldest === undefined) throw new CliError('--by 只与 --clear-oldest 一起使用', 2);
    let judgesDelta: number | undefined;
    if (v.judges !== undefined) {
      const text = String(v.judges);
      if (!/^[+-]?\d+$/.test(text) || Math.abs(Number(text)) > MAX_JUDGES_DELTA) throw new CliError(`--judges 应为 -${MAX_JUDGES_DELTA} 到 +${MAX_JUDGES_DELTA} 之间的整数（如 +1、-1），而不是“${text}”`, 2);
      judgesDelta = Number(text);
    }
    const asOf = v['as-of'] === undefined ? undefined : dateOption(String(v['as-of']), 'as-of');
    const r = await withSession(g, io, ({ call }) => call('ledger.project', { months, closeMore, clearOldest, by, judgesDelta, asOf }));
    // --json: the months as the issue writes them, then the baseline, the inputs used and the model in words.
    const row = (m: LedgerProjectionResult['months'][number]) => ({
      month: m.month, pending: m.pending, longPending12Ratio: m.longPending12Ratio, clearanceRate: m.clearanceRate, onTimeRate: m.onTimeRate,
      longPending12: m.longPending12, received: m.received, resolved: m.resolved, resolvedWithLimit: m.resolvedWithLimit, resolvedOnTime: m.resolvedOnTime,
    });
    const json = {
      months: r.months.map(row), baseline: r.baseline.map(row), start: r.start, asOf: r.asOf, scope: r.scope,
      assumptions: r.assumptions, inputs: r.rates, targets: r.targets, model: r.statement,
    };
    print(io, g, json, () => projectionTable(r));
    return 0;
  },
};
