// The holiday-roll preview as a long job: it runs the whole switch (seconds on a million cases) and rolls it back.
import { defineJob } from '../jobs/job';
import { CaseStore } from '../cases/caseStore';
import { previewHolidayRoll } from './switchHolidayRoll';

export const holidayRollPreviewJob = defineJob({
  run: (db, p: { enabled: boolean; today: string }, control) => previewHolidayRoll(db, new CaseStore(db), p.enabled, p.today, control),
});
