// `courtdesk ledger export --out FILE.xlsx|FILE.pdf`: the 脱薄工作台账 through ledger.export (the window's call, access ledger.view), the format taken from the file's extension, written whole or not at all; added to the `ledger` command beside its other subcommands.
import path from 'node:path';
import { LEDGER_TITLE, type LedgerExportFormat } from '../../../shared/ledger/exportApi';
import { writeFailureText, writeFileWhole } from '../../core/print/wholeFile';
import { CliError, print, required, withSession, type CommandSpec, type GlobalOptions, type Io } from '../cliHost';
import { checkFolder } from './reports';

type Values = Parameters<CommandSpec['run']>[2];

export async function ledgerExport(g: GlobalOptions, v: Values, io: Io): Promise<number> {
  const out = required(v, 'out', '保存台账的文件路径，以 .xlsx 或 .pdf 结尾');
  const ext = path.extname(out).toLowerCase();
  if (ext !== '.pdf' && ext !== '.xlsx') throw new CliError(`--out：台账只能保存为 .xlsx（Excel 表格）或 .pdf（打印版），而“${path.basename(out)}”${ext ? `以 ${ext} 结尾` : '没有扩展名'}`, 2);
  const format: LedgerExportFormat = ext === '.pdf' ? 'pdf' : 'xlsx';
  const file = path.resolve(out);
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

/**
 * The `ledger` command with `export` added: the core's command (its other subcommands) when given, otherwise only
 * export. One line registers it: `ledger: withLedgerExport(ledger)`.
 */
export function withLedgerExport(base?: CommandSpec): CommandSpec {
  const [min, max] = base ? (base.arity ?? [base.positionals.length, base.positionals.length]) : [1, 1];
  return {
    positionals: base ? [`${base.positionals[0]}|export`, ...base.positionals.slice(1)] : ['export'],
    arity: [Math.min(min, 1), Math.max(max, 1)],
    options: { ...base?.options, out: { type: 'string' } },
    signIn: 'required',
    async run(g, args, v, io) {
      if (args[0] === 'export') {
        if (args.length > 1) throw new CliError(`命令 ledger export 不接受多余的参数“${args.slice(1).join(' ')}”`, 2);
        return ledgerExport(g, v, io);
      }
      if (!base) throw new CliError(`未知的 ledger 子命令“${args[0]}”；可用：export`, 2);
      // The core's subcommands do not take --out.
      if (v.out !== undefined && !base.options.out) throw new CliError(`命令 ledger ${args[0]} 不接受选项 --out`, 2);
      return base.run(g, args, v, io);
    },
  };
}
