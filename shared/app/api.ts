// The app domain's calls: what every screen shows of this installation, and filling a demonstration database.
import { z } from 'zod';
import { defineCalls, returns } from '../api/define';
import { empty } from '../api/fields';

export interface AppInfo {
  appVersion: string;
  courtCode: string;
  courtName: string;
  /** Basic or intermediate (set at init): which side of 报送中院 the window shows, to everyone who may open it. */
  courtLevel: 'basic' | 'intermediate';
  demo: boolean;
  today: string;
  schemaVersion: number;
  dbPath: string;
  caseCount: number;
  host: 'electron' | 'loopback' | 'cli';
  /** A due date on a weekend or holiday moves to the next working day (off by default, docs/time-limits.md). */
  holidayRoll: boolean;
  /** The years the shipped holiday calendar covers; outside them only weekends are known. */
  holidayCalendar: { firstYear: number; lastYear: number; source: string };
  /** Whether closing by judgment requires 阅核 and 类案检索 (设置 · 结案要求). */
  closingRules: { reviewRequired: boolean; precedentRequired: boolean };
}

export interface DemoSeeded {
  cases: number;
  divisions: number;
  staff: number;
}

export const appApi = defineCalls({
  'app.info': { args: empty, access: 'signedIn', result: returns<AppInfo>() },
  'demo.seed': {
    args: z.object({ cases: z.number().int().min(1).max(5_000_000), seed: z.number().int().min(1).max(2 ** 31 - 1).default(1) }).strict(),
    access: 'demo.seed',
    result: returns<DemoSeeded>(),
  },
});
