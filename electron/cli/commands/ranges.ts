// courtdesk ranges: list the reasonable ranges (合理区间) in force, set or reset one, import the intermediate court's file.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { INDICATORS } from '../../../shared/indicators/catalogue';
import { RANGES_FILE_MAX_BYTES } from '../../../shared/indicators/api';
import { RANGE_SOURCE_LABELS, indicatorByName, rangeText, type RangeEntry } from '../../../shared/indicators/ranges';
import { parseBound } from '../../../shared/indicators/rangesFile';
import { CliError, print, withSession, type CommandSpec } from '../cliHost';

const BETTER = { higher: '越高越好', lower: '越低越好', none: '无优劣方向' } as const;

function sourceText(e: RangeEntry): string {
  const s = e.source;
  if (s.kind === 'default') return RANGE_SOURCE_LABELS.default;
  if (s.kind === 'court') return `${RANGE_SOURCE_LABELS.court}（${s.by}，${s.at.slice(0, 10)}）`;
  return `${RANGE_SOURCE_LABELS.higherCourt}（${[s.court, s.issuedOn, s.file].filter(Boolean).join('，')}）`;
}

function table(list: RangeEntry[]): string {
  return list.map((e) => [e.id, e.name, rangeText(INDICATORS[e.id], e), BETTER[e.better], sourceText(e)].join('\t')).join('\n');
}

function bound(v: unknown, name: 'low' | 'high'): number | null {
  const b = parseBound(v);
  if (b === undefined) throw new CliError(`--${name} 应为数字或 none（不设），而不是“${String(v)}”`, 2);
  return b;
}

function indicatorId(text: string | undefined) {
  if (text === undefined) throw new CliError('请写明指标代号，如 courtdesk ranges set onTimeRate --low 95', 2);
  const id = indicatorByName(text);
  if (!id) throw new CliError(`没有名为“${text}”的指标；courtdesk ranges list 列出全部指标`, 2);
  if (INDICATORS[id].kind === 'distribution') throw new CliError(`${INDICATORS[id].name}是分布，不设合理区间`, 2);
  return id;
}

export const ranges: CommandSpec = {
  positionals: ['list|set|reset|import', 'ID|FILE'],
  arity: [1, 2],
  options: { low: { type: 'string' }, high: { type: 'string' } },
  signIn: 'required',
  async run(g, [sub, arg], v, io) {
    if (sub === 'list') {
      const list = await withSession(g, io, ({ call }) => call('indicators.ranges', {}));
      print(io, g, list, () => `合理区间（“默认”为程序自带的初始值，可由审管办修改或导入中院下发的文件）\n${table(list)}`);
      return 0;
    }
    if (sub === 'set') {
      const id = indicatorId(arg);
      if (v.low === undefined && v.high === undefined) throw new CliError('请给出 --low 或 --high（none 表示不设该端）', 2);
      const r = await withSession(g, io, async ({ call }) => {
        // The end not given stays as it is.
        const now = (await call('indicators.ranges', {})).find((e) => e.id === id)!;
        const low = v.low === undefined ? now.low : bound(v.low, 'low');
        const high = v.high === undefined ? now.high : bound(v.high, 'high');
        return call('indicators.setRange', { id, low, high });
      });
      print(io, g, r, () => `已设定 ${r.name} 的合理区间：${rangeText(INDICATORS[r.id], r)}（${BETTER[r.better]}）`);
      return 0;
    }
    if (sub === 'reset') {
      const id = indicatorId(arg);
      const r = await withSession(g, io, ({ call }) => call('indicators.resetRange', { id }));
      print(io, g, r, () => `${r.name} 已恢复默认的合理区间：${rangeText(INDICATORS[r.id], r)}`);
      return 0;
    }
    if (sub === 'import') {
      if (!arg) throw new CliError('请给出合理区间文件，如 courtdesk ranges import 中院合理区间.json', 2);
      let bytes: Buffer;
      try {
        if (statSync(arg).size > RANGES_FILE_MAX_BYTES) throw new CliError(`文件 ${arg} 超过 256 KB，不是合理区间文件`, 2);
        bytes = readFileSync(arg);
      } catch (err) {
        if (err instanceof CliError) throw err;
        throw new CliError(`无法读取文件 ${arg}`, 2);
      }
      const r = await withSession(g, io, ({ call }) => call('indicators.importRanges', { fileName: path.basename(arg), base64: bytes.toString('base64') }));
      print(io, g, r, () => {
        const from = [r.court, r.issuedOn ? `${r.issuedOn} 下发` : null].filter(Boolean).join('，');
        return `已导入 ${r.imported.length} 项指标的合理区间${from ? `（${from}）` : ''}\n${table(r.ranges.filter((e) => r.imported.includes(e.id)))}`;
      });
      return 0;
    }
    throw new CliError(`ranges 只接受 list、set、reset 或 import，而不是“${sub}”`, 2);
  },
};
