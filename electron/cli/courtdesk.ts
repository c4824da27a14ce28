// The courtdesk command line: parses global options and the command, reads the password, runs the command, which
// calls the same core as the app through the same dispatcher.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isIsoDate } from '../../shared/dates/calendar';
import { CliError, type GlobalOptions, type Io } from './cliHost';
import { COMMANDS, type CommandName } from './commands';
import { readPassword } from './password';

const GLOBAL_OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  today: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  user: { type: 'string' },
} as const;

/** Options may stand anywhere on the line, so one table holds them all; a name two commands type differently is a bug. */
function allOptions(): NonNullable<ParseArgsConfig['options']> {
  const all: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = { ...GLOBAL_OPTIONS };
  for (const [name, spec] of Object.entries(COMMANDS)) {
    for (const [opt, def] of Object.entries(spec.options)) {
      if (all[opt] && all[opt].type !== def.type) throw new Error(`option --${opt} of ${name} is typed differently elsewhere`);
      // Repeatable when any command repeats it (ledger's --by); a command that takes it once gets the last (main).
      all[opt] = { ...def, multiple: !!(all[opt]?.multiple || def.multiple) };
    }
  }
  return all;
}

export const USAGE = `用法：courtdesk [--db 路径] [--json] [--today YYYY-MM-DD] <命令> [参数]

命令（除 init 外都以 --user 或 COURTDESK_USER 指明的账号执行，口令取自 COURTDESK_PASSWORD 或提示输入）：
  init --court-code 辽0421 --court-name 名称 --admin 姓名 [--demo] [--level basic|intermediate]
                                                创建数据库及首个管理员；--demo 创建演示数据库（标明“演示数据”）；
                                                --level 基层或中级法院（默认按法院代码：省份简称加两位数字为中级法院）
  seed --cases N [--seed S]                     用合成数据填充空的演示数据库（只用于 init --demo 创建的数据库）
  import 文件 [--good-rows-only] [--rejected-file 路径] [--create-missing]
                                                导入 CSV（UTF-8 或 GB18030）或 .xlsx 案件表，或数据交换 XML（.xml 或其 .zip 压缩包）；
                                                文件中本院尚未有的部门、人员只在加 --create-missing 时建立
  event 案号 --kind 类型 --from 日期 [--to 日期] [--note 说明]
                                                登记不计入审限的期间（类型：公告 鉴定 审计 评估 和解 调解 管辖异议 中止 暂缓执行 拍卖）
  event 案号 --kind 中止 --resume 日期           登记中止后恢复
  deadline 案号                                 计算审限
  alerts [--within N] [--hidden] [--cold 天数]   审限预警（本人可查看范围内）：已超审限及 N 日内到期（默认 30）；
                                                --hidden 隐性超审限（扣除期间久未结束、届满后才批准延长、逾期申请、扣除超过法定审限）；
                                                --cold 长期未动（若干天以上无任何登记的未结案件）
  alert-settings [--open-period-days N] [--cold-days N]
                                                查看或设置（管理员）隐性超审限的期间天数（默认 60）、长期未动天数（默认 30）
  indicators --from 日期 --to 日期 [--by division|judge|stage|procedure|cause]
      [--division 部门] [--judge 法官] [--stage 民初] [--procedure 程序] [--cause 案由]
                                                质效指标（本人可查看范围内）：期间内各项指标及其分子分母；--by 按部门、法官、
                                                案件类型、程序或案由分组（按名称排列，不排名次）；--json 以指标代号为键输出
  report weekly|monthly --date 日期 --out 文件.pdf|文件.xlsx
                                                审判质效周通报（日期所在的周一至周日）或月度分析（日期所在月份，本月截至今天）：
                                                .pdf 为可打印的通报（含图表），.xlsx 为各表；各部门、法官按名称排列
  project [--months N] [--close-more N] [--clear-oldest K --by 日期] [--judges ±N] [--as-of 日期]
                                                脱薄预测（本人可查看范围：全院，庭长为本部门）：今后 N 个月（默认 6，最多 24）每月末的
                                                未结案件数、超12个月未结案件比、结收比、法定审限内结案率，及不作假设时的对照；
                                                假设每月多结 N 件、某日前清理最久未结的 K 件、法官增减 N 人；--json 输出 {months: […]}
  ranges list                                   合理区间：各指标的下限、上限、优劣方向和来源（默认、本院设定、中院下发）
  ranges set 指标 [--low 数 | --low none] [--high 数 | --high none]
                                                设定一项指标的合理区间（审管办）；none 表示不设该端，未给出的一端不变
  ranges reset 指标 / ranges import 文件          恢复默认；导入中院下发的合理区间文件（JSON，或含“指标、下限、上限”列的 .xlsx），
                                                有任何一项错误则全部不导入
  export --from 日期 --to 日期 [--incremental] [--with-party-names] --out-dir 文件夹
                                                生成报送中院的报送包（加密并签名的 .cdpkg，写入如 U 盘的文件夹），打印文件路径；
                                                --incremental 只含上一个报送包以来的变化；默认不含当事人姓名；
                                                --preflight-only 只做报送前检查（缺项、不可能的日期、久未结束的期间等）；密钥口令取自 COURTDESK_PASSPHRASE 或提示输入
  exports [list] / exports rewrite 序号 --out-dir 文件夹
                                                本院生成过的报送包；把某个报送包原样再写出一份（字节不变）
  verify 文件                                   核验报送包（不导入）：结构、签名、接收方、校验值、是否过期；--json 输出 {ok, reason, …}
  receive 文件                                  （中院）核验并导入基层法院的报送包；已导入过的报送包提示“已导入”，不重复导入
  courts                                        （中院）各基层法院及其最后一个报送包
  compare [--all]                               （中院）各院对比：各基层法院最近报送包的主要指标、与本院合理区间比较（▲偏高、▼偏低）
                                                和各院中位数，按法院代码排列，不排名；--json 输出全部指标
  return make --court 代码 --out 文件 / return import 文件
                                                （中院）为一个基层法院制作签名的回执：本院的合理区间、最后收到的报送包和对该院的帮扶措施；
                                                （基层法院）导入中院回执：合理区间生效，帮扶措施记入本院脱薄台账，恢复备份后的报送序号从回执之后续编
  help-measure add 内容 --court 代码 --weakpoint 编号 --leader 姓名 --owner 姓名 --division 部门 --start 日期 --due 日期
  help-measure list --court 代码                （中院）对一个基层法院的帮扶措施：新增（薄弱点编号为该院报送的台账中的编号）、列出；
                                                随该院的中院回执送达
  keys init | keys show | keys export-public --out 文件 | keys import-identity 文件 | keys rotate
                                                报送密钥（密钥口令取自 COURTDESK_PASSPHRASE 或提示输入）：生成本院密钥（基层法院为
                                                minisign 签名密钥，中级法院另有 age 解密密钥），查看公钥和指纹，写出公钥卡，
                                                导入 age-keygen 生成的解密密钥（中级法院）；rotate 更换签名密钥（基层法院：
                                                下一个报送包由旧密钥签名并宣告新密钥，此后改用新密钥）
  revoke --court 代码 --from-sequence N [--card 新公钥卡]
                                                （中院）密钥泄露后吊销基层法院的签名公钥：自序号 N 起不再接受它签名的报送包；
                                                --card 同时登记电话核对过的新公钥卡，自序号 N 起使用
  recipient card 中院公钥卡
  recipient set AGE公钥 --court-code 代码 --court-name 名称 [--signing-key 中院签名公钥]
                                                设置报送的中院（基层法院），显示供电话核对的指纹
  register 公钥卡文件                            登记基层法院的公钥卡（中级法院，电话核对指纹后）
  reconcile [--out 文件.xlsx]                    审限核对：数据交换 XML 所载审限与本程序计算不一致的案件；--out 导出为 Excel
  holiday-roll [on|off]                         查看或切换节假日顺延（默认不开启），切换时重新计算全部案件的届满日
  cases [--status open|closed|overdue|suspended|paused|stopped|mediating|mediation_due|due-within:N] [--division 部门] [--judge 法官] [--search 文字] [--limit N]
                                                列出案件
  cases [同上筛选] --out 文件.xlsx              把全部符合条件的案件导出为 Excel（含当事人姓名，仅供本院内部使用），打印件数
  case add 案号 --cause 案由 --filed-on 日期 --division 部门 --judge 法官 [--procedure 程序] [--plaintiffs 甲、乙]
      [--defendants 丙、丁] [--claim-amount 元] [--origin-case-number 案号] [--cause-catalog civil-2025|administrative-2020|criminal-2024]
                                                登记案件（选项与导入列同名）
  case edit 案号 [add 的任一选项]                  修改案件，只改给出的项；值为空（如 --procedure ""）即清空该项
  case close 案号 --closed-on 日期 --closing-method 结案方式
      [--reviewed-by 姓名 --reviewer-role 庭长|分管院领导|院长|… --reviewed-on 日期 --review-action 同意|建议复议|… [--four-categories]]
      [--precedent 法答网,人民法院案例库 --precedent-query 检索内容 (--precedent-refs 案号;案号 | --no-precedent-found) --searched-on 日期]
                                                结案，同时登记阅核、类案检索
  case reopen 案号 --reason 理由                   重开误结的案件（庭长）
  case appeal 案号 --appealed 是|否 [--appeal-outcome 维持|改判|发回重审|撤回上诉|调解|其他]
                                                登记是否上诉及二审结果
  case mediate 案号 start --destination 特邀调解员|律师调解|法官调解团队|外部调解中心 --mediator 调解员 --received-on 日期
  case mediate 案号 extend --days N --consent-on 日期
  case mediate 案号 end --ended-on 日期 --outcome 调解成功|撤诉|当场履行|调解不成转审理
                                                先行调解：登记、经双方同意延长（延长的天数不计入审限）、结束
  extension request 案号 (--months N | --days N) --reason 理由 --text 具体理由 [--attach 文件]...
                                                申请延长审限（承办法官）；理由：鉴定未完成 公告送达 案情复杂 当事人申请调解
                                                追加当事人 等待关联案件结果 其他；附件为 PDF 或 PNG/JPEG 图片，最多 3 个、每个 10 MB
  extension opinion 编号 --agree|--disagree --text 意见   庭长签署意见
  extension decide 编号 --approve [--months N | --days N] | --reject --text 意见
                                                院长（或受委托的分管院领导）审批；可批准短于申请的期限；审批后不能更改
  extension forward 编号 [--text 说明]           须上级法院批准的申请，登记已报送
  extension higher-court 编号 --approve|--reject [--months N | --days N] --text 批复内容
                                                登记上级法院的答复
  extension list [--status waiting|decided|all] [--case 案号]   列出可查看范围内的延长审限申请（默认待审批的）
  extension show 编号                            查看一件申请及其审批过程、附件
  extension form 编号 --out 文件.pdf              生成延长审理期限审批表（PDF，可打印）
  extension-settings [--refuse-late on|off] [--delegate 部门=姓名]... [--undelegate 部门]...
                                                查看或设置是否受理逾期申请、院长委托分管院领导审批的部门（管理员）
  closing-rules [--review on|off] [--precedent on|off]
                                                查看或设置判决结案前是否必须阅核、类案检索（管理员）
  user add 姓名 --role 角色[,角色] [--division 部门]   新增账号（角色：clerk 书记员、assistant 法官助理、judge 员额法官、
                                                division_head 庭长、vice_president 分管院领导、president 院长、
                                                statistician 审管办、admin 管理员）
  ledger add-weakpoint 内容 --indicator 指标 --target 值 --by 日期 [--found-by 本院|中院|高院] [--found-on 日期]
                                                脱薄工作台账：新增薄弱点及其指标目标（三项可重复；值如 2% 或 0.02），打印编号
  ledger add-measure 内容 --weakpoint 编号 --leader 姓名 --owner 姓名 --division 部门 --start 日期 --due 日期
      [--help-measure] [--meeting 编号]          新增整改措施（--help-measure 为中院帮扶措施，姓名部门可为中院的），打印编号
  ledger progress 措施编号 --text 进展 [--on 日期] [--done] [--evidence 文件…]
                                                登记进展（措施的责任人、责任领导或台账维护人员）；--done 标记完成
  ledger list                                   台账：薄弱点、措施及其状态、各指标在措施开始前一个月和近一个月的数值
  ledger export --out 文件.xlsx|文件.pdf          脱薄工作台账（截至今天）：.xlsx 为按薄弱点分组的台账及措施明细表，.pdf 为 A4 横向打印版
  user disable|enable|reset 姓名 / user list      停用、启用、重置口令、列出账号（账号不会被删除）
  password                                      修改本人口令（新口令取自提示输入或 COURTDESK_NEW_PASSWORD）；临时口令须先修改
  unlock 姓名                                    解除账号锁定（口令连续错误 5 次后锁定 15 分钟）；只能在本机命令行进行，记入审计日志
  audit list [--actor 姓名] [--case 案号] [--from 日期] [--to 日期] [--limit N]
  audit verify                                  校验审计链，指出第一条断开的记录
  backup [--to 目录] | backup --list               立即备份（如备份到U盘）；列出备份及其检查结果
  restore 备份文件                               检查备份、先备份当前数据库，再恢复

全局选项（--db、--json、--today、--user）可写在命令前或命令后。--db 默认为本机程序的数据库。`;

/**
 * `--judges -1`: parseArgs takes a value that begins with a dash for an option and refuses it, so a negative number
 * after an option that takes a value is joined to it (`--judges=-1`); no option is named by digits.
 */
function signedValues(argv: string[]): string[] {
  const takesValue = new Set(Object.entries(allOptions()).filter(([, o]) => o.type === 'string').map(([k]) => `--${k}`));
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (takesValue.has(argv[i]) && /^-\d+$/.test(argv[i + 1] ?? '')) out.push(`${argv[i]}=${argv[++i]}`);
    else out.push(argv[i]);
  }
  return out;
}

export async function main(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: signedValues(argv), options: allOptions(), allowPositionals: true, strict: true });
  } catch (err) {
    io.err(`参数错误：${translateParseError(err)}。运行 courtdesk --help 查看用法`);
    return 2;
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  const positionals = parsed.positionals;
  if (values.version) {
    io.out(process.env.COURTDESK_VERSION ?? '0.1.0');
    return 0;
  }
  if (values.help || positionals.length === 0) {
    io.out(USAGE);
    return positionals.length === 0 && !values.help ? 2 : 0;
  }
  const [command, ...args] = positionals;
  if (!Object.prototype.hasOwnProperty.call(COMMANDS, command)) {
    io.err(`未知命令“${command}”。可用命令：${Object.keys(COMMANDS).join('、')}`);
    return 2;
  }
  const spec = COMMANDS[command as CommandName];
  for (const key of Object.keys(values)) {
    if (!(key in GLOBAL_OPTIONS) && !(key in spec.options)) {
      io.err(`命令 ${command} 不接受选项 --${key}`);
      return 2;
    }
  }
  // An option another command repeats arrives as a list: a command that takes it once gets the last, as parseArgs would.
  for (const [key, value] of Object.entries(values)) if (Array.isArray(value) && !spec.options[key]?.multiple) values[key] = value[value.length - 1];
  const today = values.today as string | undefined;
  if (today !== undefined && !isIsoDate(today)) {
    io.err(`--today 的日期“${today}”无效，应如 2024-12-31`);
    return 2;
  }
  const [min, max] = spec.arity ?? [spec.positionals.length, spec.positionals.length];
  if (args.length < min || args.length > max) {
    io.err(args.length < min ? `命令 ${command} 需要参数：${spec.positionals.join(' ')}` : `命令 ${command} 不接受多余的参数“${args.slice(max).join(' ')}”`);
    return 2;
  }
  const user = (values.user as string | undefined) ?? process.env.COURTDESK_USER;
  // The password is read before the database is opened, so a prompt never holds a write lock.
  const password =
    spec.signIn === 'newAdmin' ? await readPassword('管理员口令：') : spec.signIn === 'required' && user ? await readPassword(`${user} 的口令：`) : null;
  const globals: GlobalOptions = { db: values.db as string | undefined, json: !!values.json, today, user, password };
  try {
    return await spec.run(globals, args, values, io);
  } catch (err) {
    if (err instanceof CliError) {
      io.err(err.message);
      return err.exitCode;
    }
    if (process.env.COURTDESK_DEBUG) io.err(err instanceof Error ? (err.stack ?? err.message) : String(err));
    io.err('内部错误，命令未完成；设置环境变量 COURTDESK_DEBUG=1 后重试可看到详情');
    return 1;
  }
}

function translateParseError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const m = /'([^']+)'/.exec(e.message ?? '');
  const opt = m ? m[1] : '';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知选项 ${opt}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `选项 ${opt.split(' ')[0]} 的值缺失或不正确`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数 ${opt}`;
    default:
      return '无法解析命令行';
  }
}

/**
 * A stream whose reader has gone (`courtdesk cases | head -1`, a closed terminal): what is left to say is dropped.
 * Node reports the closed pipe as an 'error' event (EPIPE) on the stream, which, unheard, ends the process with a
 * stack trace; heard, the command finishes its work (a write in progress is one transaction either way) and exits
 * with its own code.
 */
function quietWhenClosed(stream: NodeJS.WriteStream): (s: string) => void {
  let closed = false;
  // EPIPE is the expected case; any other write error on an output stream leaves nowhere to report it either.
  stream.on('error', () => {
    closed = true;
  });
  return (s) => {
    if (closed || stream.destroyed || !stream.writable) return;
    stream.write(s);
  };
}

export function runCli(): void {
  const out = quietWhenClosed(process.stdout);
  const err = quietWhenClosed(process.stderr);
  const io: Io = {
    out: (s) => out(s + '\n'),
    err: (s) => err(s + '\n'),
    progress: process.stderr.isTTY ? (s) => err(`\r\x1b[2K${s}`) : undefined,
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // main answers every failure itself; should one escape, it ends the command as an internal error, in Chinese.
      if (process.env.COURTDESK_DEBUG) err(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      err('内部错误，命令未完成；设置环境变量 COURTDESK_DEBUG=1 后重试可看到详情\n');
      process.exitCode = 1;
    },
  );
}

if (require.main === module) runCli();
