// An import as a long job: reading, validating and writing a file of up to hundreds of thousands of rows.
import { defineJob } from '../jobs/job';
import { CaseStore } from './caseStore';
import { importCasesFile } from './importCases';

export interface ImportJobParams {
  file: string;
  goodRowsOnly: boolean;
  rejectedFile?: string;
  createMissing: boolean;
  actor: string;
  today: string;
}

export const importJob = defineJob({
  run: (db, p: ImportJobParams, control) =>
    importCasesFile(db, new CaseStore(db), p.file, {
      goodRowsOnly: p.goodRowsOnly, rejectedFile: p.rejectedFile, createMissing: p.createMissing, actor: p.actor, today: p.today, control,
    }),
});
