// Commands of the settings domain: show or switch the holiday roll (switching is a long job with progress).
import { CliError, print, withSession, type CommandSpec } from '../cliHost';

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
