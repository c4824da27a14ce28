// Handlers of the app domain: this installation as every screen shows it, and filling a demonstration database.
import path from 'node:path';
import { appApi } from '../../../shared/app/api';
import { createDomain } from '../kernel/domain';
import { getSelfCourt } from '../court/courtStore';
import { isDemo } from '../setup/initCourt';
import { CN_REST_DAYS, HOLIDAY_CALENDAR_SOURCE } from '../deadlines/deadlineRules';
import type { CoreServices } from './services';
import { closingRules } from '../cases/caseWork';
import { courtLevel } from '../exchange/keys/keyStore';

export const APP_VERSION = process.env.COURTDESK_VERSION ?? '0.1.0';

export const appDomain = createDomain('app', appApi, (s: CoreServices) => ({
  'app.info': () => {
    const court = getSelfCourt(s.db)!;
    return {
      appVersion: APP_VERSION,
      courtCode: court.code,
      courtName: court.name,
      courtLevel: courtLevel(s.db),
      demo: isDemo(s.db),
      today: s.today(),
      schemaVersion: s.db.pragma('user_version', { simple: true }) as number,
      dbPath: path.resolve(s.dbPath),
      caseCount: s.db.prepare('SELECT count(*) FROM cases').pluck().get() as number,
      host: s.host,
      holidayRoll: s.cases.rules.holidayRoll(),
      holidayCalendar: { firstYear: CN_REST_DAYS.firstYear, lastYear: CN_REST_DAYS.lastYear, source: HOLIDAY_CALENDAR_SOURCE },
      closingRules: closingRules(s.settings),
    };
  },
  'demo.seed': (a, ctx) => s.jobs.run('seed', { cases: a.cases, seed: a.seed, today: s.today(), actor: ctx.actor }, { label: `生成 ${a.cases} 件演示案件`, actor: ctx.actor }),
}));
