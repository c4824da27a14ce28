// Commands of the cases domain: list cases, import a file, record a deducted period or a resumption, show a time limit.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CASE_STATUS_FILTERS, type CaseFilter, type CaseListRow } from '../../../shared/api/contract';
import { STATUS_LABELS } from '../../../shared/deadlines/engine';
import { RECORDABLE_EVENT_KINDS, type RecordableEventKind } from '../../../shared/cases/types';
import { XLSX_EXTENSION_MESSAGE } from '../../../shared/cases/exportApi';
import { CliError, dateOption, positiveInt, print, required, withSession, type CommandSpec } from '../cliHost';

export const cases: CommandSpec = {
  positionals: [],
  options: { status: { type: 'string' }, division: { type: 'string' }, judge: { type: 'string' }, search: { type: 'string' }, limit: { type: 'string' }, out: { type: 'string' } },
  signIn: 'required',
  async run(g, _args, v, io) {
    // --out FILE.xlsx: the whole list (no --limit) through the window's own export call.
    const outFile = typeof v.out === 'string' ? v.out : undefined;
    if (outFile !== undefined && !/\.xlsx$/i.test(outFile)) throw new CliError(XLSX_EXTENSION_MESSAGE, 2);
    if (outFile !== undefined && v.limit !== undefined) throw new CliError('--out 导出全部符合条件的案件，不能与 --limit 同用', 2);
    const limit = v.limit === undefined ? 100 : positiveInt(String(v.limit), 'limit', 1_000_000);
    const filter: CaseFilter = {};
    const status = v.status as string | undefined;
    if (status !== undefined) {
      const due = /^due-within:(\d{1,5})$/.exec(status);
      if (due) {
        filter.remainingMin = 0;
        filter.remainingMax = Number(due[1]);
      } else if ((CASE_STATUS_FILTERS as readonly string[]).includes(status)) filter.status = status as CaseFilter['status'];
      else throw new CliError(`--status “${status}”不正确，应为 ${CASE_STATUS_FILTERS.join('、')} 或 due-within:N`, 2);
    }
    if (typeof v.search === 'string') filter.search = v.search;
    const listed = await withSession(g, io, async ({ call }) => {
      if (typeof v.division === 'string') {
        const d = (await call('catalog.divisions', {})).find((x) => x.name === v.division);
        if (!d) throw new CliError(`找不到部门“${v.division}”`, 1);
        filter.divisionId = d.id;
      }
      if (typeof v.judge === 'string') {
        const j = (await call('catalog.judges', {})).find((x) => x.name === v.judge);
        if (!j) throw new CliError(`找不到法官“${v.judge}”`, 1);
        filter.judgeId = j.id;
      }
      const sort = filter.remainingMax !== undefined || filter.status === 'overdue' ? 'dueOn_asc' : 'filedOn_desc';
      if (outFile !== undefined) return call('cases.exportXlsx', { ...filter, sort, file: path.resolve(outFile) });
      const out: CaseListRow[] = [];
      for (let offset = 0; out.length < limit; ) {
        const page = await call('cases.list', { ...filter, sort, offset, limit: Math.min(500, limit - out.length) });
        out.push(...page.rows);
        if (!page.hasMore) break;
        offset += page.rows.length;
      }
      return out;
    });
    if (!Array.isArray(listed)) {
      print(io, g, { count: listed.count, file: listed.file }, () => `已导出 ${listed.count} 件案件到 ${listed.file}`);
      return 0;
    }
    const rows = listed;
    print(io, g, rows, () =>
      rows.length === 0
        ? '没有符合条件的案件'
        : rows.map((r) => [r.caseNumber, r.cause, r.division, r.judge, r.filedOn, r.dueOn ?? '—', r.daysRemaining ?? '—', STATUS_LABELS[r.status]].join('\t')).join('\n'));
    return 0;
  },
};

export const importCmd: CommandSpec = {
  positionals: ['文件'],
  options: { 'good-rows-only': { type: 'boolean' }, 'rejected-file': { type: 'string' }, 'create-missing': { type: 'boolean' } },
  signIn: 'required',
  async run(g, [file], v, io) {
    const source = path.resolve(file);
    if (!existsSync(source)) throw new CliError(`找不到文件：${file}`, 1);
    const rejected = v['rejected-file'];
    const summary = await withSession(g, io, ({ call }) =>
      call('cases.import', {
        file: source, goodRowsOnly: !!v['good-rows-only'], rejectedFile: typeof rejected === 'string' ? path.resolve(rejected) : undefined,
        createMissing: !!v['create-missing'],
      }));
    if (g.json) io.out(JSON.stringify(summary));
    else {
      for (const w of summary.warnings) io.out(`提示：${w.message}`);
      for (const e of summary.errors) io.out(`错误：${e.message}`);
      if (!summary.aborted) {
        io.out(`导入完成：新增 ${summary.inserted} 件，更新 ${summary.updated} 件，未变 ${summary.unchanged} 件，拒绝 ${summary.rejected} 行`);
        if (summary.addedDivisions.length) io.out(`新增部门：${summary.addedDivisions.join('、')}`);
        if (summary.addedStaff.length) io.out(`新增人员：${summary.addedStaff.slice(0, 20).join('、')}${summary.addedStaff.length > 20 ? ` 等 ${summary.addedStaff.length} 人` : ''}`);
        if (summary.rejectedFile) io.out(`被拒绝的行及原因已写入：${summary.rejectedFile}`);
        if (summary.disagreements) io.out(`审限核对：${summary.disagreements} 件案件的来源审限与本程序计算不一致，用 courtdesk reconcile 查看`);
      }
    }
    const unconfirmed = !v['create-missing'] && summary.newDivisions.length + summary.newStaff.length > 0;
    if (unconfirmed && !g.json) {
      const names = [summary.newDivisions.length ? `部门 ${summary.newDivisions.join('、')}` : '', summary.newStaff.length ? `人员 ${summary.newStaff.join('、')}` : ''].filter(Boolean).join('；');
      io.out(`文件中有本院尚未建立的${names}。请核对是否为笔误：确为新部门、新人员的，加 --create-missing 重新导入即建立（记入审计日志）`);
    }
    if (summary.aborted) {
      const fileLevel = summary.errors.find((e) => e.row === null);
      io.err(fileLevel
        ? `导入失败：${fileLevel.message}，未导入任何案件`
        : `导入失败：${summary.rejected} 行有错误，未导入任何案件。可改正后重新导入，或用 --good-rows-only 只导入正确的行`);
      return 1;
    }
    return 0;
  },
};

export const event: CommandSpec = {
  positionals: ['案号'],
  options: { kind: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, resume: { type: 'string' }, note: { type: 'string' } },
  signIn: 'required',
  async run(g, [caseNumber], v, io) {
    const kind = required(v, 'kind', `类型：${RECORDABLE_EVENT_KINDS.join('、')}`);
    if (!(RECORDABLE_EVENT_KINDS as readonly string[]).includes(kind)) throw new CliError(`--kind “${kind}”不正确，应为 ${RECORDABLE_EVENT_KINDS.join('、')} 之一`, 2);
    if (v.resume !== undefined) {
      if (kind !== '中止') throw new CliError('--resume 只用于 --kind 中止', 2);
      if (v.from !== undefined || v.to !== undefined) throw new CliError('--resume 不能与 --from、--to 同用', 2);
      const resumedOn = dateOption(String(v.resume), 'resume');
      await withSession(g, io, ({ call }) => call('cases.resume', { caseNumber, resumedOn }));
      print(io, g, { caseNumber, kind, resumedOn }, () => `已登记 ${caseNumber} 于 ${resumedOn} 恢复审理`);
      return 0;
    }
    const fromOn = dateOption(required(v, 'from', '开始日期'), 'from');
    const toOn = v.to === undefined ? null : dateOption(String(v.to), 'to');
    if (toOn === null && kind !== '中止') throw new CliError(`${kind}期间需要 --to 结束日期；只有中止可以暂不填写`, 2);
    const note = typeof v.note === 'string' ? v.note : undefined;
    const r = await withSession(g, io, ({ call }) => call('cases.addEvent', { caseNumber, kind: kind as RecordableEventKind, fromOn, toOn, note }));
    print(io, g, { id: r.id, caseNumber, kind, fromOn, toOn }, () => `已登记 ${caseNumber} ${kind} ${fromOn} 至 ${toOn ?? '（尚未结束）'}`);
    return 0;
  },
};

export const deadline: CommandSpec = {
  positionals: ['案号'],
  options: {},
  signIn: 'required',
  async run(g, [caseNumber], _v, io) {
    const c = await withSession(g, io, ({ call }) => call('cases.get', { caseNumber }));
    const d = c.deadline;
    print(
      io, g,
      { caseNumber: c.caseNumber, limit: d.limit, dueOn: d.dueOn, deductedDays: d.deductedDays, extension: d.extension, daysRemaining: d.daysRemaining, status: d.status },
      () => [c.caseNumber, ...d.steps.map((s) => `  ${s}`)].join('\n'),
    );
    return 0;
  },
};
