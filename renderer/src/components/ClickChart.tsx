// One chart.js chart on a canvas (延审原因分析, 质效指标), made when the page shows it and destroyed when it goes; a click on a bar, a segment
// or a point hands its dataset and index to the page, which opens the requests behind it.
import { useEffect, useRef } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { Chart } from '../lib/chartSetup';

interface ClickChartProps {
  /** Made afresh whenever `version` changes (new data, another period). */
  config: () => ChartConfiguration;
  version: string;
  height: number;
  label: string;
  testId: string;
  onPick(dataset: number, index: number): void;
}

export function ClickChart({ config, version, height, label, testId, onPick }: ClickChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  useEffect(() => {
    if (!canvas.current) return;
    const c = config();
    const chart = new Chart(canvas.current, {
      ...c,
      options: {
        ...c.options,
        responsive: true,
        maintainAspectRatio: false,
        onHover: (e, els) => {
          const target = e.native?.target as HTMLElement | undefined;
          if (target) target.style.cursor = els.length ? 'pointer' : 'default';
        },
        onClick: (_e, els) => {
          if (els.length) pick.current(els[0].datasetIndex, els[0].index);
        },
      },
    });
    return () => chart.destroy();
    // The config is rebuilt from the same data: only its version decides when the chart is made again.
  }, [version]);
  return (
    <div className="study-chart click-chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}
