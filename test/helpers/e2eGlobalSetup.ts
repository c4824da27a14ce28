// The e2e project's global setup: one folder for the run where seeded courts are kept as templates (see seededCourt).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where seededCourt keeps one seeded database per (today, cases, seed), copied for each file that asks again. */
    seedTemplates: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'courtdesk-e2e-seeds-'));
  project.provide('seedTemplates', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
