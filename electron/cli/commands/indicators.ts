// courtdesk indicators: every indicator of a period for the signed-in person's scope, court-wide or per group, out-of-range values marked.
import { GROUP_BY, type GroupBy } from '../../../shared/indicators/api';
import { flaggedLines } from '../../../shared/indicators/ranges';
import { CliError, dateOption, print, required, withSession, type CommandSpec } from '../cliHost';

export const indicators: CommandSpec = {
  positionals: [],
  options: {
    from: { type: 'string' }, to: { type: 'string' }, by: { type: 'string' },
    division: { type: 'string' }, judge: { type: 'string' }, stage: { type: 'string' }, procedure: { type: 'string' }, cause: { type: 'string' },
  },
  signIn: 'required',
  async run(g, _args, v, io) {
    const from = dateOption(required(v, 'from', '期间起始日期，如 2024-01-01'), 'from');
    const to = dateOption(required(v, 'to', '期间截止日期，如 2024-12-31'), 'to');
    if (from > to) throw new CliError(`--to 的日期 ${to} 早于 --from 的日期 ${from}`, 2);
    const by = v.by === undefined ? undefined : String(v.by);
    if (by !== undefined && !(GROUP_BY as readonly string[]).includes(by)) throw new CliError(`--by 只接受 ${GROUP_BY.join('、')}，而不是“${by}”`, 2);
    const filters: Record<string, string> = {};
    for (const k of ['division', 'judge', 'stage', 'procedure', 'cause']) if (v[k] !== undefined) filters[k] = String(v[k]);
    const r = await withSession(g, io, ({ call }) => call('indicators.compute', { from, to, by: by as GroupBy | undefined, ...filters }));
    // --json: the spec's ids as keys, or with --by one such object per group keyed by its name.
    const json = r.groups ? Object.fromEntries(r.groups.map((x) => [x.name, x.values])) : r.total;
    print(io, g, json, () => {
      const head = `质效指标（${r.from} 至 ${r.to}，${r.scope}）`;
      if (!r.groups) return [head, ...flaggedLines(r.total)].join('\n');
      const lines = [`${head}，按名称排列，不排名次`];
      if (r.groups.length === 0) lines.push('（期间内没有案件）');
      for (const grp of r.groups) lines.push('', `【${grp.name}】`, ...flaggedLines(grp.values).map((l) => '  ' + l));
      return lines.join('\n');
    });
    return 0;
  },
};
