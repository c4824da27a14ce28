// Filling a demonstration database as a long job: a million synthetic cases take most of a minute.
import { defineJob } from '../jobs/job';
import { CaseStore } from '../cases/caseStore';
import { seedDatabase } from './seed';

export const seedJob = defineJob({
  run: (db, p: { cases: number; seed: number; today: string; actor: string }, control) => seedDatabase(db, new CaseStore(db), { ...p, control }),
});
