// Writes resources/holidays/cn-holidays.json, the official rest-day calendar the time-limit engine can roll due dates
// over, from the chinese-days package (a transcription of the State Council's yearly holiday notices). Run after
// upgrading chinese-days: node scripts/holidays.mjs; test/unit/restDays.test.ts checks the file against the package.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(require.resolve('chinese-days/package.json'), 'utf8'));
const data = JSON.parse(readFileSync(require.resolve('chinese-days/dist/chinese-days.json'), 'utf8'));

/** "Spring Festival,春节,4" → 春节 */
const name = (value) => value.split(',')[1];
const pick = (table) => Object.fromEntries(Object.keys(table).sort().map((day) => [day, name(table[day])]));

const holidays = pick(data.holidays);
const workdays = pick(data.workdays);
const years = [...new Set(Object.keys(holidays).map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
const calendar = {
  description: '法定节假日及调休上班日（国务院办公厅每年发布的部分节假日安排通知）',
  source: `npm chinese-days@${pkg.version}`,
  firstYear: years[0],
  lastYear: years[years.length - 1],
  holidays,
  workdays,
};
const out = path.join(root, 'resources', 'holidays', 'cn-holidays.json');
writeFileSync(out, `${JSON.stringify(calendar, null, 1)}\n`);
console.log(`holidays: ${Object.keys(holidays).length} rest days and ${Object.keys(workdays).length} working weekend days, ${years[0]}–${years[years.length - 1]} → ${path.relative(root, out)}`);
