// courtdesk alerts: the 审限预警 board of the signed-in person (overdue, due within N days), 隐性超审限 and 长期未动.
import type { CaseListRow } from '../../../shared/api/contract';
import type { AlertCaseRow, AlertList } from '../../../shared/deadlines/api';
import { STATUS_LABELS } from '../../../shared/deadlines/engine';
import { positiveInt, print, withSession, type CommandSpec } from '../cliHost';

/** The due-within list of the board when --within is not given: the widest of its 7/15/30-day counts. */
const DEFAULT_WITHIN = 30;
const LIST_MAX = 500;

const days = (n: number | null) => (n === null ? '—' : String(n));
/** 剩余N天, or 已超N天 past the due date, as the window says it. */
const remaining = (n: number | null) => (n === null ? '无审限' : n < 0 ? `已超${-n}天` : `剩余${n}天`);

function dueLines(title: string, count: number, rows: CaseListRow[]): string[] {
  const lines = [`${title}：${count} 件${count > rows.length ? `（列出前 ${rows.length} 件）` : ''}`];
  for (const r of rows) lines.push(['  ' + r.caseNumber, r.division, r.judge, r.dueOn ?? '—', remaining(r.daysRemaining), STATUS_LABELS[r.status]].join('\t'));
  return lines;
}

function alertLines(title: string, list: AlertList, row: (r: AlertCaseRow) => string[]): string[] {
  const lines = [`${title}：${list.total} 件${list.total > list.rows.length ? `（列出前 ${list.rows.length} 件）` : ''}`];
  for (const r of list.rows) lines.push(...row(r));
  return lines;
}

export const alerts: CommandSpec = {
  positionals: [],
  options: { within: { type: 'string' }, hidden: { type: 'boolean' }, cold: { type: 'string' } },
  signIn: 'required',
  async run(g, _args, v, io) {
    const within = v.within === undefined ? undefined : positiveInt(String(v.within), 'within', 3650);
    const cold = v.cold === undefined ? undefined : positiveInt(String(v.cold), 'cold', 3650);
    // Without --hidden or --cold the board is shown; with them, only what was asked (and the board too with --within).
    const board = within !== undefined || (!v.hidden && cold === undefined);
    const n = within ?? DEFAULT_WITHIN;
    const out = await withSession(g, io, async ({ call }) => {
      const r: {
        summary?: Awaited<ReturnType<typeof call<'deadlines.summary'>>>;
        overdue?: { count: number; rows: CaseListRow[] };
        dueWithin?: { days: number; count: number; rows: CaseListRow[] };
        hidden?: AlertList;
        cold?: AlertList;
      } = {};
      if (board) {
        r.summary = await call('deadlines.summary', {});
        const due = { remainingMin: 0, remainingMax: n };
        r.overdue = { count: (await call('cases.count', { status: 'overdue' })).count, rows: (await call('cases.list', { status: 'overdue', sort: 'dueOn_asc', limit: LIST_MAX })).rows };
        r.dueWithin = { days: n, count: (await call('cases.count', due)).count, rows: (await call('cases.list', { ...due, sort: 'dueOn_asc', limit: LIST_MAX })).rows };
      }
      if (v.hidden) r.hidden = await call('deadlines.hidden', {});
      if (cold !== undefined) r.cold = await call('deadlines.cold', { days: cold });
      return r;
    });
    print(io, g, out, () => {
      const lines: string[] = [];
      if (out.summary) {
        const s = out.summary;
        lines.push(`审限预警（${s.today}）：未结 ${s.open} 件，已超审限 ${s.overdue} 件，7日内到期 ${s.dueWithin7} 件，15日内 ${s.dueWithin15} 件，30日内 ${s.dueWithin30} 件`);
      }
      if (out.overdue) lines.push(...dueLines('已超审限', out.overdue.count, out.overdue.rows));
      if (out.dueWithin) lines.push(...dueLines(`${out.dueWithin.days}日内到期`, out.dueWithin.count, out.dueWithin.rows));
      if (out.hidden) {
        lines.push(...alertLines(`隐性超审限（扣除期间超过 ${out.hidden.thresholds.openPeriodDays} 天未结束等）`, out.hidden, (r) => [
          ['  ' + r.caseNumber, r.division, r.judge, r.dueOn ?? '—', remaining(r.daysRemaining), STATUS_LABELS[r.status]].join('\t'),
          ...r.findings.map((f) => `    ${f.label}：${f.text}`),
        ]));
      }
      if (out.cold) {
        lines.push(...alertLines(`长期未动（${out.cold.thresholds.coldDays} 天以上无任何登记）`, out.cold, (r) => [
          ['  ' + r.caseNumber, r.division, r.judge, `最近登记 ${r.lastRecordedOn ?? '—'}`, `已 ${days(r.idleDays)} 天`, remaining(r.daysRemaining)].join('\t'),
        ]));
      }
      return lines.join('\n');
    });
    return 0;
  },
};
