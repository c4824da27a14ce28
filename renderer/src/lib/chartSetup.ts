// chart.js for the charts of 延审原因分析 and 质效指标: only the controllers, elements and scales its charts use (tree-shaken), Chinese fonts, grey
// shades with patterns that stay apart in black-and-white print, and a small plugin that writes each value on its bar.
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type Plugin,
} from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);
// The fonts of the window (styles.css --font), with Noto Sans SC for a machine with only the OFL font we ship.
Chart.defaults.font.family = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';
Chart.defaults.font.size = 12;
Chart.defaults.color = '#1f2933';
Chart.defaults.animation = false;

export { Chart };

type Mark = 'none' | 'diagonal' | 'cross' | 'dots' | 'horizontal' | 'vertical';

export interface Shade {
  /** Fill, chosen by lightness so the five stay apart on a grey printer. */
  fill: string;
  /** Lines or dots drawn over the fill, a second cue that needs no colour at all. */
  mark: Mark;
  ink: string;
  /** The colour of a value written on the bar. */
  label: string;
}

/** The outcomes' shades in stack order: approved, shorter, rejected, waiting, at the higher court. */
export const OUTCOME_SHADES: readonly Shade[] = [
  { fill: '#1d4f91', mark: 'none', ink: '#1d4f91', label: '#ffffff' },
  { fill: '#7ea2d4', mark: 'diagonal', ink: '#ffffff', label: '#102a4c' },
  { fill: '#e6b0aa', mark: 'cross', ink: '#7a1d14', label: '#3d0d08' },
  { fill: '#f4f5f7', mark: 'dots', ink: '#52606d', label: '#1f2933' },
  { fill: '#c8ccd2', mark: 'horizontal', ink: '#3e4c59', label: '#1f2933' },
];

const patterns = new Map<string, CanvasPattern | string>();

/** A fill with its marks as a repeating canvas pattern (the plain colour where a canvas cannot be had). */
export function shadeFill(s: Shade): CanvasPattern | string {
  if (s.mark === 'none') return s.fill;
  const key = `${s.fill}|${s.mark}|${s.ink}`;
  const known = patterns.get(key);
  if (known) return known;
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const ctx = tile.getContext('2d');
  if (!ctx) return s.fill;
  ctx.fillStyle = s.fill;
  ctx.fillRect(0, 0, 8, 8);
  ctx.strokeStyle = s.ink;
  ctx.fillStyle = s.ink;
  ctx.lineWidth = 1.2;
  ctx.beginPath();
  if (s.mark === 'diagonal' || s.mark === 'cross') {
    ctx.moveTo(0, 8);
    ctx.lineTo(8, 0);
    ctx.moveTo(-2, 2);
    ctx.lineTo(2, -2);
    ctx.moveTo(6, 10);
    ctx.lineTo(10, 6);
  }
  if (s.mark === 'cross') {
    ctx.moveTo(0, 0);
    ctx.lineTo(8, 8);
  }
  if (s.mark === 'horizontal') {
    ctx.moveTo(0, 4);
    ctx.lineTo(8, 4);
  }
  if (s.mark === 'vertical') {
    ctx.moveTo(4, 0);
    ctx.lineTo(4, 8);
  }
  ctx.stroke();
  if (s.mark === 'dots') {
    ctx.beginPath();
    ctx.arc(2, 2, 1, 0, Math.PI * 2);
    ctx.arc(6, 6, 1, 0, Math.PI * 2);
    ctx.fill();
  }
  const p = ctx.createPattern(tile, 'repeat') ?? s.fill;
  patterns.set(key, p);
  return p;
}

/** Line styles for the trend's reasons: dash patterns and point shapes, so each line is told apart without colour. */
export const LINE_STYLES: ReadonlyArray<{ dash: number[]; point: 'circle' | 'rect' | 'triangle' | 'rectRot' | 'crossRot' | 'star' | 'cross' | 'rectRounded'; grey: string }> = [
  { dash: [], point: 'circle', grey: '#1d4f91' },
  { dash: [6, 3], point: 'rect', grey: '#52606d' },
  { dash: [2, 2], point: 'triangle', grey: '#7a1d14' },
  { dash: [8, 3, 2, 3], point: 'rectRot', grey: '#3e4c59' },
  { dash: [12, 4], point: 'crossRot', grey: '#7b8794' },
  { dash: [3, 5], point: 'star', grey: '#102a4c' },
  { dash: [10, 2, 2, 2, 2, 2], point: 'cross', grey: '#616e7c' },
  { dash: [1, 3], point: 'rectRounded', grey: '#9aa5b1' },
];

/**
 * Writes each value on its bar segment (or above a point of the datasets named), where there is room, and records
 * the centre of every non-zero element on the canvas (data-points) so that a test can click a bar.
 */
export function valueLabels(labelColors: readonly string[], lineDatasets: readonly number[] = [], format: (v: number, dataset: number) => string = (v) => String(v)): Plugin {
  return {
    id: 'studyValueLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const points: Array<{ d: number; i: number; x: number; y: number }> = [];
      ctx.save();
      ctx.font = `12px ${Chart.defaults.font.family}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      chart.data.datasets.forEach((ds, d) => {
        const meta = chart.getDatasetMeta(d);
        if (meta.hidden) return;
        meta.data.forEach((el, i) => {
          const v = ds.data[i] as number | null;
          if (v === null || v === undefined) return;
          const { x, y } = el.getProps(['x', 'y'], true) as { x: number; y: number };
          if (meta.type === 'bar') {
            // An empty segment has nothing to click or read; a line's 0 (a month without requests, a 0% rate) is a value.
            if (v === 0) return;
            const { base, horizontal } = el.getProps(['base', 'horizontal'], true) as { base: number; horizontal?: boolean };
            const horiz = chart.options.indexAxis === 'y' || horizontal === true;
            const size = Math.abs((horiz ? x : y) - base);
            const cx = horiz ? (x + base) / 2 : x;
            const cy = horiz ? y : (y + base) / 2;
            points.push({ d, i, x: Math.round(cx), y: Math.round(cy) });
            if (size < 16) return;
            const text = format(v, d);
            const ink = labelColors[d] ?? '#1f2933';
            // Dark ink sits on a small white plate, so a hatched or dotted fill never runs through the figure.
            if (ink !== '#ffffff') {
              const w = ctx.measureText(text).width + 6;
              ctx.fillStyle = '#ffffff';
              ctx.fillRect(cx - w / 2, cy - 8, w, 16);
            }
            ctx.fillStyle = ink;
            ctx.fillText(text, cx, cy);
          } else {
            points.push({ d, i, x: Math.round(x), y: Math.round(y) });
            if (!lineDatasets.includes(d)) return;
            const text = format(v, d);
            const w = ctx.measureText(text).width + 6;
            ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
            ctx.fillRect(x - w / 2, y - 19, w, 16);
            ctx.fillStyle = '#1f2933';
            ctx.fillText(text, x, y - 11);
          }
        });
      });
      ctx.restore();
      chart.canvas.dataset.points = JSON.stringify(points);
    },
  };
}
