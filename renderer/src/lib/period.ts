// Periods by name for the analysis pages (延审原因分析, 质效指标): this month, quarter or year to date, last year.
export type PeriodPreset = 'month' | 'quarter' | 'year' | 'lastYear';

/** The presets' periods, "to date" for the current ones. */
export function presetPeriod(kind: PeriodPreset, today: string): { from: string; to: string } {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  switch (kind) {
    case 'month':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'quarter':
      return { from: `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`, to: today };
    case 'year':
      return { from: `${y}-01-01`, to: today };
    case 'lastYear':
      return { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` };
  }
}

/** Which preset a period is, for today, or null (自定义). */
export function presetOf(p: { from: string; to: string }, today: string, kinds: readonly PeriodPreset[]): PeriodPreset | null {
  return kinds.find((k) => {
    const q = presetPeriod(k, today);
    return q.from === p.from && q.to === p.to;
  }) ?? null;
}
