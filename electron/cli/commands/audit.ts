// Commands of the audit domain: list entries by person, case and date, and verify the hash chain.
import type { AuditRow } from '../../../shared/api/contract';
import { CliError, dateOption, positiveInt, print, withSession, type CommandSpec } from '../cliHost';

export const audit: CommandSpec = {
  positionals: ['list|verify'],
  options: { actor: { type: 'string' }, case: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, limit: { type: 'string' } },
  signIn: 'required',
  async run(g, [sub], v, io) {
    if (sub !== 'list' && sub !== 'verify') throw new CliError(`未知的 audit 子命令“${sub}”，应为 list 或 verify`, 2);
    if (sub === 'verify') {
      const r = await withSession(g, io, ({ call }) => call('audit.verify', {}));
      print(io, g, r, () => r.message);
      if (!r.ok) {
        io.err(r.message);
        return 1;
      }
      return 0;
    }
    const limit = v.limit === undefined ? 100 : positiveInt(String(v.limit), 'limit', 100_000);
    const from = v.from === undefined ? undefined : dateOption(String(v.from), 'from');
    const to = v.to === undefined ? undefined : dateOption(String(v.to), 'to');
    const rows = await withSession(g, io, async ({ call }) => {
      const out: AuditRow[] = [];
      for (let offset = 0; out.length < limit; ) {
        const page = await call('audit.list', { actor: v.actor as string | undefined, entityKey: v.case as string | undefined, from, to, offset, limit: Math.min(500, limit - out.length) });
        out.push(...page.rows);
        if (!page.hasMore) break;
        offset += page.rows.length;
      }
      return out;
    });
    print(io, g, rows, () => (rows.length ? rows.map((r) => [r.id, r.at, r.actor, r.action, r.entityKey ?? ''].join('\t')).join('\n') : '没有符合条件的审计记录'));
    return 0;
  },
};
