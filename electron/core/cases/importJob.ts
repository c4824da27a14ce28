// An import as a long job: reading, validating and writing a file of up to hundreds of thousands of rows.
import { defineJob } from '../jobs/job';
import { CaseStore } from './caseStore';
import { importCasesFile } from './importCases';
import type { ColumnMapping } from '../../../shared/cases/importMapping';

export interface ImportJobParams {
  file: string;
  goodRowsOnly: boolean;
  rejectedFile?: string;
  createMissing: boolean;
  mapping?: ColumnMapping;
  actor: string;
  today: string;
}

export const importJob = defineJob({
  run: (db, p: ImportJobParams, control) =>
    importCasesFile(db, new CaseStore(db), p.file, {
      goodRowsOnly: p.goodRowsOnly, rejectedFile: p.rejectedFile, createMissing: p.createMissing, mapping: p.mapping, actor: p.actor, today: p.today, control,
    }),
});
