// `courtdesk ledger export --out FILE.xlsx|FILE.pdf`: the 脱薄工作台账 through ledger.export (the window's call, access ledger.view), the format taken from the file's extension, written whole or not at all; one of the `ledger` command's subcommands (commands/ledger.ts).
import path from 'node:path';
import { LEDGER_TITLE, type LedgerExportFormat } from '../../../shared/ledger/exportApi';
import { writeFailureText, writeFileWhole } from '../../core/print/wholeFile';
import { CliError, print, required, withSession, type GlobalOptions, type Io, type Values } from '../cliHost';
import { checkFolder } from './reports';

export async function ledgerExport(g: GlobalOptions, extra: string | undefined, v: Values, io: Io): Promise<number> {
  if (extra !== undefined) throw new CliError(`命令 ledger export 不接受多余的参数“${extra}”；文件路径写在 --out 之后`, 2);
  const out = required(v, 'out', '保存台账的文件路径，以 .xlsx 或 .pdf 结尾');
  const ext = path.extname(out).toLowerCase();
  if (ext !== '.pdf' && ext !== '.xlsx') throw new CliError(`--out：台账只能保存为 .xlsx（Excel 表格）或 .pdf（打印版），而“${path.basename(out)}”${ext ? `以 ${ext} 结尾` : '没有扩展名'}`, 2);
  const format: LedgerExportFormat = ext === '.pdf' ? 'pdf' : 'xlsx';
  const file = path.resolve(out);
  // Said before the ledger is read, not after.
  checkFolder(file);
  const r = await withSession(g, io, ({ call }) => call('ledger.export', { format }));
  try {
    writeFileWhole(file, Buffer.from(r.base64, 'base64'));
  } catch (err) {
    throw new CliError(`--out：无法写入“${file}”（${writeFailureText(err)}），没有生成文件`, 1);
  }
  print(io, g, { format, today: r.today, weakPoints: r.weakPoints, measures: r.measures, out: file, bytes: r.bytes }, () =>
    `已生成${LEDGER_TITLE}（截至 ${r.today}，薄弱点 ${r.weakPoints} 个，措施 ${r.measures} 项）：${file}（${Math.ceil(r.bytes / 1024)} KB）`);
  return 0;
}
