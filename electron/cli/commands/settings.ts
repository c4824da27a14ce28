// Commands of the settings domain: show or switch the holiday roll (switching is a long job with progress); the alert thresholds.
import { CliError, positiveInt, print, withSession, type CommandSpec } from '../cliHost';

export const holidayRoll: CommandSpec = {
  positionals: ['on|off'],
  arity: [0, 1],
  options: {},
  signIn: 'required',
  async run(g, [state], _v, io) {
    if (state !== undefined && state !== 'on' && state !== 'off') throw new CliError(`holiday-roll 只接受 on 或 off，而不是“${state}”`, 2);
    return withSession(g, io, async ({ call }) => {
      if (state === undefined) {
        const on = (await call('app.info', {})).holidayRoll;
        print(io, g, { holidayRoll: on }, () => `节假日顺延：${on ? '已开启' : '未开启（默认）'}`);
        return 0;
      }
      const started = performance.now();
      const r = await call('settings.setHolidayRoll', { enabled: state === 'on' });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      print(io, g, r, () => `已${r.holidayRoll ? '开启' : '关闭'}节假日顺延，重新计算了 ${r.casesChanged} 件案件的审限届满日（用时 ${seconds} 秒）`);
      return 0;
    });
  },
};

export const alertSettings: CommandSpec = {
  positionals: [],
  options: { 'open-period-days': { type: 'string' }, 'cold-days': { type: 'string' } },
  signIn: 'required',
  async run(g, _args, v, io) {
    const openPeriodDays = v['open-period-days'] === undefined ? undefined : positiveInt(String(v['open-period-days']), 'open-period-days', 3650);
    const coldDays = v['cold-days'] === undefined ? undefined : positiveInt(String(v['cold-days']), 'cold-days', 3650);
    const r = await withSession(g, io, ({ call }) => call('settings.setAlerts', { openPeriodDays, coldDays }));
    print(io, g, r, () => `隐性超审限：中止或扣除期间超过 ${r.openPeriodDays} 天未结束即列出\n长期未动：${r.coldDays} 天以上没有任何登记即列出`);
    return 0;
  },
};
