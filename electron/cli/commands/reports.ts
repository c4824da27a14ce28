// `courtdesk report weekly|monthly --date DATE --out FILE.pdf|FILE.xlsx`: 周通报 or 月度分析 for the signed-in person's
// scope through reports.build (the window's call), the format taken from the file's extension, written whole or not at all.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPORT_KINDS, REPORT_TITLES, type ReportFormat, type ReportKind } from '../../../shared/reports/api';
import { writeFailureText, writeFileWhole } from '../../core/print/wholeFile';
import { CliError, dateOption, print, required, withSession, type CommandSpec } from '../cliHost';

/** The folder must exist and take files: said before the figures are computed, not after. */
function checkFolder(file: string): void {
  const dir = path.dirname(file);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError(`--out：文件夹“${dir}”不存在，没有生成文件`, 2);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new CliError(`--out：没有写入文件夹“${dir}”的权限，没有生成文件`, 2);
  }
  if (existsSync(file) && statSync(file).isDirectory()) throw new CliError(`--out：“${file}”是一个文件夹，请写出文件名`, 2);
}

export const report: CommandSpec = {
  positionals: ['weekly|monthly'],
  options: { date: { type: 'string' }, out: { type: 'string' } },
  signIn: 'required',
  async run(g, [kindText], v, io) {
    if (!(REPORT_KINDS as readonly string[]).includes(kindText)) throw new CliError(`报表种类只能是 weekly（周通报）或 monthly（月度分析），而不是“${kindText}”`, 2);
    const kind = kindText as ReportKind;
    const date = dateOption(required(v, 'date', kind === 'weekly' ? '所通报一周中的任一天，如 2024-03-13' : '所分析月份中的任一天，如 2024-03-01'), 'date');
    const out = required(v, 'out', '保存报表的文件路径，以 .pdf 或 .xlsx 结尾');
    const ext = path.extname(out).toLowerCase();
    if (ext !== '.pdf' && ext !== '.xlsx') throw new CliError(`--out：报表只能保存为 .pdf（打印版）或 .xlsx（Excel 表格），而“${path.basename(out)}”${ext ? `以 ${ext} 结尾` : '没有扩展名'}`, 2);
    const format: ReportFormat = ext === '.pdf' ? 'pdf' : 'xlsx';
    const file = path.resolve(out);
    checkFolder(file);
    const r = await withSession(g, io, ({ call }) => call('reports.build', { kind, date, format })).catch((err: unknown) => {
      // The core refuses a week or month not begun or not over by the date it was given: said as a usage error naming --date.
      if (err instanceof CliError && err.message.startsWith(`${date} 所在的`)) throw new CliError(`--date：${err.message}`, 2);
      throw err;
    });
    try {
      writeFileWhole(file, Buffer.from(r.base64, 'base64'));
    } catch (err) {
      throw new CliError(`--out：无法写入“${file}”（${writeFailureText(err)}），没有生成文件`, 1);
    }
    print(io, g, { kind, format, from: r.from, to: r.to, out: file, bytes: r.bytes }, () => `已生成${REPORT_TITLES[kind]}（${r.from} 至 ${r.to}）：${file}（${Math.ceil(r.bytes / 1024)} KB）`);
    return 0;
  },
};
