// Commands of the app domain: fill an empty database with a deterministic synthetic court.
import { positiveInt, print, required, withSession, type CommandSpec } from '../cliHost';

export const seed: CommandSpec = {
  positionals: [],
  options: { cases: { type: 'string' }, seed: { type: 'string' } },
  signIn: 'required',
  async run(g, _args, v, io) {
    const cases = positiveInt(required(v, 'cases', '案件数'), 'cases', 5_000_000);
    const seedValue = v.seed === undefined ? 1 : positiveInt(String(v.seed), 'seed', 2 ** 31 - 1);
    const started = performance.now();
    const r = await withSession(g, io, ({ call }) => call('demo.seed', { cases, seed: seedValue }));
    const seconds = (performance.now() - started) / 1000;
    print(io, g, { ...r, seed: seedValue, seconds: Math.round(seconds * 10) / 10 }, () =>
      `已生成 ${r.cases} 件案件、${r.divisions} 个部门、${r.staff} 名人员（种子 ${seedValue}，用时 ${seconds.toFixed(1)} 秒）；演示账号的口令为 demo-角色代码，如 demo-judge`);
    return 0;
  },
};
