// Commands of case work: `case add|edit|close|reopen|appeal|mediate`, the window's case forms on the command line through
// the same calls, and `closing-rules`, the checks a closing must carry (阅核, 类案检索).
import { API, type ApiArgs, type ApiMethod, type CaseDetail } from '../../../shared/api/contract';
import { APPEAL_OUTCOMES, CLOSING_METHODS, PROCEDURES, type Procedure } from '../../../shared/cases/types';
import {
  CAUSE_CATALOG_IDS, MEDIATION_DESTINATIONS, MEDIATION_MAX_EXTENSION_DAYS, MEDIATION_OUTCOMES, PRECEDENT_PLATFORMS, REVIEW_ACTIONS,
  REVIEWER_ROLES, type CauseCatalogId,
} from '../../../shared/cases/caseWork';
import { parseAmount, splitNames } from '../../../shared/cases/importColumns';
import { STATUS_LABELS } from '../../../shared/deadlines/engine';
import { CliError, dateOption, positiveInt, print, required, withSession, type CliSession, type CommandSpec, type Values } from '../cliHost';

const SUBCOMMANDS = ['add', 'edit', 'close', 'reopen', 'appeal', 'mediate'] as const;
type Sub = (typeof SUBCOMMANDS)[number];
const MEDIATION_STEPS = ['start', 'extend', 'end'] as const;
type MediationStep = (typeof MEDIATION_STEPS)[number];

/** The options of add and edit, one per import column of docs/import-columns.md (plus the catalogue a cause is from). */
const FIELD_OPTIONS = ['cause', 'cause-catalog', 'procedure', 'filed-on', 'division', 'judge', 'plaintiffs', 'defendants', 'claim-amount', 'origin-case-number'] as const;
const REVIEW_OPTIONS = ['reviewed-by', 'reviewer-role', 'reviewed-on', 'review-action', 'four-categories'] as const;
const PRECEDENT_OPTIONS = ['precedent', 'precedent-query', 'precedent-refs', 'no-precedent-found', 'searched-on'] as const;

/** Which options each subcommand (and each step of mediate) takes; any other is a usage error, not silently ignored. */
const ACCEPTS: Record<Sub | `mediate ${MediationStep}`, readonly string[]> = {
  add: FIELD_OPTIONS,
  edit: FIELD_OPTIONS,
  close: ['closed-on', 'closing-method', ...REVIEW_OPTIONS, ...PRECEDENT_OPTIONS],
  reopen: ['reason'],
  appeal: ['appealed', 'appeal-outcome'],
  mediate: [],
  'mediate start': ['destination', 'mediator', 'received-on'],
  'mediate extend': ['days', 'consent-on'],
  'mediate end': ['ended-on', 'outcome'],
};

const CASE_OPTIONS = [...new Set(Object.values(ACCEPTS).flat())];
const BOOLEAN_OPTIONS = new Set(['four-categories', 'no-precedent-found']);

/**
 * The option each argument of a call comes from, so a refusal of the contract's schema names what the user typed.
 * Keys are argument paths (cases.update's "fields." left off); unlisted ones are their kebab-case spelling.
 */
const OPTION_OF: Record<string, string> = {
  'review.reviewer': 'reviewed-by', 'review.reviewerRole': 'reviewer-role', 'review.reviewedOn': 'reviewed-on', 'review.action': 'review-action',
  'review.fourCategories': 'four-categories', 'precedent.platforms': 'precedent', 'precedent.query': 'precedent-query',
  'precedent.references': 'precedent-refs', 'precedent.noneFound': 'no-precedent-found', 'precedent.searchedOn': 'searched-on',
};

function kebab(s: string): string {
  return s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * The arguments checked by the call's own schema before the database is opened: the very rules and Chinese messages
 * the core applies (and the form shows beside its boxes), here a usage error naming the option.
 */
function checked<M extends ApiMethod>(method: M, args: ApiArgs<M>, rename: Record<string, string> = {}): ApiArgs<M> {
  const r = API[method].args.safeParse(args);
  if (r.success) return args;
  const issue = r.error.issues[0];
  const keys = issue.path.filter((p): p is string => typeof p === 'string');
  if (keys[0] === 'fields') keys.shift();
  if (keys[0] === 'caseNumber') throw new CliError(`案号：${issue.message}`, 2);
  const key = keys.join('.');
  const option = rename[key] ?? OPTION_OF[key] ?? kebab(keys[keys.length - 1] ?? '');
  throw new CliError(option ? `--${option}：${issue.message}` : issue.message, 2);
}

function text(v: Values, name: string): string | undefined {
  const value = v[name];
  return typeof value === 'string' ? value.trim() : undefined;
}

/** One of a closed list, spelt exactly as the window offers it. */
function oneOf<T extends string>(value: string, name: string, list: readonly T[]): T {
  if (!(list as readonly string[]).includes(value)) throw new CliError(`--${name} “${value}”不正确，应为 ${list.join('、')} 之一`, 2);
  return value as T;
}

/** 简易 for 简易程序, as the import reads it: staff often drop the suffix. */
function procedureOf(value: string): Procedure {
  for (const p of PROCEDURES) if (value === p || `${value}程序` === p) return p;
  return oneOf(value, 'procedure', PROCEDURES);
}

/** 是/否 as the import column 是否上诉 reads them (also 1/0), and yes/no for scripts. */
function yesNo(value: string, name: string): boolean {
  const t = value.toLowerCase();
  if (['是', '1', 'yes', 'y', 'true'].includes(t)) return true;
  if (['否', '0', 'no', 'n', 'false'].includes(t)) return false;
  throw new CliError(`--${name} “${value}”不正确，应为 是 或 否（也可写 yes、no）`, 2);
}

function list(value: string): string[] {
  return value.split(/[,，、;；]/).map((s) => s.trim()).filter((s) => s !== '');
}

type Fields = NonNullable<ApiArgs<'cases.update'>['fields']>;

/**
 * The case fields given on the line, in the shape of the form's: an option given empty clears a field that may be
 * empty (procedure, claim, origin, parties), as an empty cell does in the import.
 */
function fieldsOf(v: Values): Fields {
  const f: Fields = {};
  const cause = text(v, 'cause');
  if (cause !== undefined) f.cause = cause;
  const catalog = text(v, 'cause-catalog');
  if (catalog !== undefined) f.causeCatalog = catalog === '' ? null : (oneOf(catalog, 'cause-catalog', CAUSE_CATALOG_IDS) as CauseCatalogId);
  const procedure = text(v, 'procedure');
  if (procedure !== undefined) f.procedure = procedure === '' ? null : procedureOf(procedure);
  const filedOn = text(v, 'filed-on');
  if (filedOn !== undefined) f.filedOn = dateOption(filedOn, 'filed-on');
  const division = text(v, 'division');
  if (division !== undefined) f.division = division;
  const judge = text(v, 'judge');
  if (judge !== undefined) f.judge = judge;
  const plaintiffs = text(v, 'plaintiffs');
  if (plaintiffs !== undefined) f.plaintiffs = splitNames(plaintiffs === '' ? null : plaintiffs);
  const defendants = text(v, 'defendants');
  if (defendants !== undefined) f.defendants = splitNames(defendants === '' ? null : defendants);
  const claim = text(v, 'claim-amount');
  if (claim !== undefined) {
    const amount = parseAmount(claim === '' ? null : claim);
    if (!amount.ok) throw new CliError(`--claim-amount：${amount.error}`, 2);
    f.claimAmount = amount.value;
  }
  const origin = text(v, 'origin-case-number');
  if (origin !== undefined) f.originCaseNumber = origin === '' ? null : origin;
  return f;
}

function closeArgsOf(caseNumber: string, v: Values): ApiArgs<'cases.close'> {
  const args: ApiArgs<'cases.close'> = {
    caseNumber,
    closedOn: dateOption(required(v, 'closed-on', '结案日期'), 'closed-on'),
    closingMethod: oneOf(required(v, 'closing-method', `结案方式：${CLOSING_METHODS.join('、')}`), 'closing-method', CLOSING_METHODS),
  };
  if (REVIEW_OPTIONS.some((o) => v[o] !== undefined)) {
    args.review = {
      reviewer: required(v, 'reviewed-by', '阅核人姓名'),
      reviewerRole: oneOf(required(v, 'reviewer-role', `阅核人身份：${REVIEWER_ROLES.join('、')}`), 'reviewer-role', REVIEWER_ROLES),
      reviewedOn: dateOption(required(v, 'reviewed-on', '阅核日期'), 'reviewed-on'),
      action: oneOf(required(v, 'review-action', `阅核意见：${REVIEW_ACTIONS.join('、')}`), 'review-action', REVIEW_ACTIONS),
      fourCategories: v['four-categories'] === true,
    };
  }
  if (PRECEDENT_OPTIONS.some((o) => v[o] !== undefined)) {
    const platforms = list(required(v, 'precedent', `检索平台：${PRECEDENT_PLATFORMS.join('、')}，可写两个，以逗号分隔`)).map((p) => oneOf(p, 'precedent', PRECEDENT_PLATFORMS));
    const query = required(v, 'precedent-query', '检索内容');
    const refs = text(v, 'precedent-refs');
    const noneFound = v['no-precedent-found'] === true;
    // A search either found reference cases or found none; the form asks for one of the two, never both.
    if (noneFound && refs !== undefined) throw new CliError('--precedent-refs 与 --no-precedent-found 只能用其一', 2);
    if (!noneFound && (refs === undefined || list(refs).length === 0)) throw new CliError('请用 --precedent-refs 列出参考的案例（以分号分隔），或用 --no-precedent-found 说明未检索到类案', 2);
    args.precedent = {
      platforms: [...new Set(platforms)],
      query,
      references: noneFound ? [] : list(refs!),
      noneFound,
      searchedOn: dateOption(required(v, 'searched-on', '检索日期'), 'searched-on'),
    };
  }
  return checked('cases.close', args);
}

/** The call one subcommand makes, its arguments checked, and what it prints on success. */
interface Plan {
  run(call: CliSession['call']): Promise<CaseDetail>;
  headline(c: CaseDetail): string;
}

function plan(sub: Sub, step: MediationStep | undefined, caseNumber: string, v: Values): Plan {
  switch (sub) {
    case 'add': {
      const fields = fieldsOf(v);
      const args = checked('cases.register', {
        caseNumber,
        cause: required(v, 'cause', '案由'),
        filedOn: dateOption(required(v, 'filed-on', '立案日期，如 2025-03-01'), 'filed-on'),
        division: required(v, 'division', '承办部门'),
        judge: required(v, 'judge', '承办法官'),
        ...fields,
        plaintiffs: fields.plaintiffs ?? [],
        defendants: fields.defendants ?? [],
      });
      return { run: (call) => call('cases.register', args), headline: (c) => `已登记 ${c.caseNumber}` };
    }
    case 'edit': {
      const fields = fieldsOf(v);
      if (Object.keys(fields).length === 0) throw new CliError(`case edit 需要至少一个要修改的项：${FIELD_OPTIONS.map((o) => `--${o}`).join(' ')}`, 2);
      const args = checked('cases.update', { caseNumber, fields });
      return { run: (call) => call('cases.update', args), headline: (c) => `已修改 ${c.caseNumber}` };
    }
    case 'close': {
      const args = closeArgsOf(caseNumber, v);
      return { run: (call) => call('cases.close', args), headline: (c) => `已结案 ${c.caseNumber}：${c.closedOn} ${c.closingMethod}` };
    }
    case 'reopen': {
      const args = checked('cases.reopen', { caseNumber, reason: required(v, 'reason', '重开的理由') });
      return { run: (call) => call('cases.reopen', args), headline: (c) => `已重开 ${c.caseNumber}，恢复审理` };
    }
    case 'appeal': {
      const appealed = yesNo(required(v, 'appealed', '是否上诉：是 或 否'), 'appealed');
      const outcomeText = text(v, 'appeal-outcome');
      const outcome = outcomeText === undefined ? undefined : outcomeText === '' ? null : oneOf(outcomeText, 'appeal-outcome', APPEAL_OUTCOMES);
      const args = checked('cases.recordAppeal', { caseNumber, appealed, ...(outcome !== undefined ? { outcome } : {}) }, { outcome: 'appeal-outcome' });
      return {
        run: (call) => call('cases.recordAppeal', args),
        headline: (c) => `已登记 ${c.caseNumber} ${c.appealed ? '已上诉' : '未上诉'}${c.appealOutcome ? `，二审结果：${c.appealOutcome}` : ''}`,
      };
    }
    case 'mediate': {
      if (step === 'start') {
        const args = checked('cases.startMediation', {
          caseNumber,
          destination: oneOf(required(v, 'destination', `调解去向：${MEDIATION_DESTINATIONS.join('、')}`), 'destination', MEDIATION_DESTINATIONS),
          mediator: required(v, 'mediator', '调解员或调解组织'),
          receivedOn: dateOption(required(v, 'received-on', '调解员收到案件的日期'), 'received-on'),
        });
        return { run: (call) => call('cases.startMediation', args), headline: (c) => `已登记 ${c.caseNumber} 先行调解` };
      }
      if (step === 'extend') {
        const args = checked('cases.extendMediation', {
          caseNumber,
          days: positiveInt(required(v, 'days', `经双方同意延长的天数，最多 ${MEDIATION_MAX_EXTENSION_DAYS} 天`), 'days', MEDIATION_MAX_EXTENSION_DAYS),
          consentOn: dateOption(required(v, 'consent-on', '双方同意延长的日期'), 'consent-on'),
        });
        return { run: (call) => call('cases.extendMediation', args), headline: (c) => `已延长 ${c.caseNumber} 先行调解` };
      }
      const args = checked('cases.endMediation', {
        caseNumber,
        endedOn: dateOption(required(v, 'ended-on', '调解结束日期'), 'ended-on'),
        outcome: oneOf(required(v, 'outcome', `调解结果：${MEDIATION_OUTCOMES.join('、')}`), 'outcome', MEDIATION_OUTCOMES),
      });
      return { run: (call) => call('cases.endMediation', args), headline: (c) => `已登记 ${c.caseNumber} 先行调解结束` };
    }
  }
}

function yuan(n: number): string {
  return `${n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
}

/** The case as the detail page shows it, one fact a line. */
function describeCase(c: CaseDetail): string {
  const lines = [
    `${c.caseNumber}\t${c.cause}${c.procedure ? `\t${c.procedure}` : ''}`,
    `立案日期：${c.filedOn}\t承办：${c.division} ${c.judge}`,
    `原告：${c.plaintiffs.join('、') || '—'}\t被告：${c.defendants.join('、') || '—'}`,
  ];
  if (c.claimAmount !== null) lines.push(`标的额：${yuan(c.claimAmount)}`);
  if (c.originCaseNumber) lines.push(`原审案号：${c.originCaseNumber}`);
  if (c.closedOn) lines.push(`结案：${c.closedOn} ${c.closingMethod ?? ''}`.trimEnd());
  const d = c.deadline;
  lines.push(d.dueOn
    ? `审限：${d.limit ?? ''}，届满 ${d.dueOn}${d.daysRemaining !== null && !c.closedOn ? `，剩余 ${d.daysRemaining} 天` : ''}（${STATUS_LABELS[d.status]}）`
    : `审限：${STATUS_LABELS[d.status]}`);
  for (const r of c.reviews) lines.push(`阅核：${r.reviewedOn} ${r.reviewerRole} ${r.reviewer} ${r.action}${r.fourCategories ? '（“四类案件”）' : ''}`);
  for (const p of c.precedentSearches) {
    lines.push(`类案检索：${p.searchedOn} ${p.platforms.join('、')}“${p.query}”，${p.noneFound ? '未检索到类案' : `参考 ${p.references.join('；')}`}`);
  }
  const m = c.mediation;
  if (m) {
    const extended = m.extensionDays ? `，经双方同意延长 ${m.extensionDays} 天` : '';
    lines.push(m.endedOn
      ? `先行调解：${m.destination} ${m.mediator}，${m.receivedOn} 收到${extended}，${m.endedOn} 结束：${m.outcome}`
      : `先行调解：${m.destination} ${m.mediator}，${m.receivedOn} 收到${extended}，应于 ${m.dueOn} 前结束${m.daysRemaining === null ? '' : m.daysRemaining < 0 ? `（已过 ${-m.daysRemaining} 天）` : `（剩余 ${m.daysRemaining} 天）`}`);
  }
  if (c.appealed !== null) lines.push(`上诉：${c.appealed ? '是' : '否'}${c.appealOutcome ? `，二审结果：${c.appealOutcome}` : ''}`);
  for (const r of c.reopenings) lines.push(`重开：${r.reopenedOn} ${r.reopenedBy}（原 ${r.closedOn} ${r.closingMethod}）：${r.reason}`);
  return lines.join('\n');
}

export const caseCmd: CommandSpec = {
  positionals: ['add|edit|close|reopen|appeal|mediate', '案号', 'start|extend|end'],
  arity: [2, 3],
  options: Object.fromEntries(CASE_OPTIONS.map((o) => [o, { type: BOOLEAN_OPTIONS.has(o) ? 'boolean' : 'string' }])) as CommandSpec['options'],
  signIn: 'required',
  async run(g, [subText, caseNumber, stepText], v, io) {
    if (!(SUBCOMMANDS as readonly string[]).includes(subText)) throw new CliError(`未知的 case 子命令“${subText}”，应为 ${SUBCOMMANDS.join('、')}`, 2);
    const sub = subText as Sub;
    if (sub === 'mediate' && stepText === undefined) throw new CliError('case mediate 需要步骤：start、extend 或 end', 2);
    if (sub === 'mediate' && !(MEDIATION_STEPS as readonly string[]).includes(stepText)) throw new CliError(`case mediate 的步骤“${stepText}”不正确，应为 start、extend 或 end`, 2);
    if (sub !== 'mediate' && stepText !== undefined) throw new CliError(`命令 case ${sub} 不接受多余的参数“${stepText}”`, 2);
    const step = stepText as MediationStep | undefined;
    const label = step ? `case mediate ${step}` : `case ${sub}`;
    const accepted = ACCEPTS[step ? (`mediate ${step}` as const) : sub];
    for (const o of CASE_OPTIONS) if (v[o] !== undefined && !accepted.includes(o)) throw new CliError(`${label} 不接受选项 --${o}`, 2);
    // Everything the line can be wrong about is found here, before the database is opened.
    const p = plan(sub, step, caseNumber, v);
    const detail = await withSession(g, io, ({ call }) => p.run(call));
    print(io, g, detail, () => `${p.headline(detail)}\n${describeCase(detail)}`);
    return 0;
  },
};

function onOff(value: string | undefined, name: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (value !== 'on' && value !== 'off') throw new CliError(`--${name} 只接受 on 或 off，而不是“${value}”`, 2);
  return value === 'on';
}

export const closingRules: CommandSpec = {
  positionals: [],
  options: { review: { type: 'string' }, precedent: { type: 'string' } },
  signIn: 'required',
  async run(g, _args, v, io) {
    const reviewRequired = onOff(text(v, 'review'), 'review');
    const precedentRequired = onOff(text(v, 'precedent'), 'precedent');
    const rules = await withSession(g, io, async ({ call }) => {
      const current = (await call('app.info', {})).closingRules;
      if (reviewRequired === undefined && precedentRequired === undefined) return current;
      // The call sets both rules; the one not named on the line keeps its current value.
      return call('settings.setClosingRules', {
        reviewRequired: reviewRequired ?? current.reviewRequired,
        precedentRequired: precedentRequired ?? current.precedentRequired,
      });
    });
    const yes = (on: boolean) => (on ? '必须' : '不要求');
    // The rules bind closings by judgment only (cases.close), which the wording says.
    print(io, g, rules, () => `判决结案前阅核：${yes(rules.reviewRequired)}\n判决结案前类案检索：${yes(rules.precedentRequired)}`);
    return 0;
  },
};
