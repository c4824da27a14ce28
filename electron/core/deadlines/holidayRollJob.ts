// The holiday-roll switch as a long job: on a million cases it rewrites hundreds of thousands of due dates.
import { defineJob } from '../jobs/job';
import { CaseStore } from '../cases/caseStore';
import { switchHolidayRoll } from './switchHolidayRoll';

export const holidayRollJob = defineJob({
  run: (db, p: { enabled: boolean; actor: string; today: string }, control) => switchHolidayRoll(db, new CaseStore(db), p.enabled, p.actor, p.today, control),
});
