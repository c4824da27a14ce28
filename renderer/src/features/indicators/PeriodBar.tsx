// 质效指标's period and scope: 本月 / 本季度 / 本年 / 自定义, and the division or judge as the reader's role allows.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { presetOf, presetPeriod, type PeriodPreset } from '../../lib/period';
import { session, stores } from '../../stores';
import type { IndicatorScope } from './routes';

const PRESETS: ReadonlyArray<[PeriodPreset, string]> = [['month', '本月'], ['quarter', '本季度'], ['year', '本年']];

interface PeriodBarProps {
  from: string;
  to: string;
  today: string;
  scope: IndicatorScope;
  /** 日监测 shows today only: no period to choose. */
  daily: boolean;
  /** A division's or judge's page: the period only, the group being the page's own. */
  periodOnly?: boolean;
  onChange(p: { from: string; to: string; scope: IndicatorScope }): void;
}

export function PeriodBar({ from, to, today, scope, daily, periodOnly = false, onChange }: PeriodBarProps) {
  const user = useStore(session, (s) => s.user);
  const divisions = useStore(stores.app, (a) => a.divisions);
  const judgesByDivision = useStore(stores.app, (a) => a.judges);
  const [f, setF] = useState(from);
  const [t, setT] = useState(to);
  useEffect(() => {
    setF(from);
    setT(to);
  }, [from, to]);
  const kind = user?.scopeKind;
  const divisionId = kind === 'division' ? (divisions.find((d) => d.name === user?.division)?.id ?? null) : (divisions.find((d) => d.name === scope.division)?.id ?? null);
  const judgeKey = divisionId === null ? 'all' : String(divisionId);
  useEffect(() => {
    if (kind === 'all' || kind === 'division') void stores.app.getState().loadJudges(divisionId);
  }, [kind, divisionId]);
  const judges = judgesByDivision[judgeKey] ?? [];
  const preset = presetOf({ from, to }, today, PRESETS.map(([k]) => k));
  const problem = f && t && t < f ? '结束日期不能早于开始日期' : null;
  return (
    <form
      className="ind-controls no-print"
      onSubmit={(e) => {
        e.preventDefault();
        if (f && t && !problem) onChange({ from: f, to: t, scope });
      }}
    >
      {daily ? (
        <span data-testid="ind-daily-date">统计日期 {today}（与前一日比较）</span>
      ) : (
        <>
          <span className="ind-presets" role="group" aria-label="统计期间">
            {PRESETS.map(([k, label]) => (
              <button key={k} type="button" className={`seg${preset === k ? ' selected' : ''}`} aria-pressed={preset === k} data-testid={`ind-preset-${k}`} onClick={() => onChange({ ...presetPeriod(k, today), scope })}>
                {label}
              </button>
            ))}
            <span className={`seg-label${preset === null ? ' selected' : ''}`}>自定义</span>
          </span>
          <label>
            <input type="date" value={f} onChange={(e) => setF(e.target.value)} data-testid="ind-from" aria-label="开始日期" required />
          </label>
          <label>
            至 <input type="date" value={t} onChange={(e) => setT(e.target.value)} data-testid="ind-to" aria-label="结束日期" required />
          </label>
          <button type="submit" disabled={!!problem} data-testid="ind-apply">查询</button>
          {problem ? <span className="tone-danger">{problem}</span> : null}
        </>
      )}
      {!periodOnly && kind === 'all' && divisions.length > 0 ? (
        <label>
          部门{' '}
          <select value={scope.division ?? ''} data-testid="ind-division" onChange={(e) => onChange({ from, to, scope: { ...scope, division: e.target.value || undefined, judge: undefined } })}>
            <option value="">全院</option>
            {divisions.map((d) => (
              <option key={d.id} value={d.name}>{d.name}</option>
            ))}
          </select>
        </label>
      ) : null}
      {!periodOnly && (kind === 'all' || kind === 'division') && judges.length > 0 ? (
        <label>
          法官{' '}
          <select value={scope.judge ?? ''} data-testid="ind-judge" onChange={(e) => onChange({ from, to, scope: { ...scope, judge: e.target.value || undefined } })}>
            <option value="">{kind === 'division' ? '全庭' : scope.division ? '全部门' : '全部法官'}</option>
            {judges.map((j) => (
              <option key={j.id} value={j.name}>{j.name}</option>
            ))}
          </select>
        </label>
      ) : null}
    </form>
  );
}
