// A long job's progress in the window's words: what runs, how much is done, and the share for the progress bar.
import type { JobView } from '../../../shared/api/contract';
import { formatCount } from './format';

export function describeJob(job: JobView): { text: string; percent: number | null } {
  if (job.cancelRequested) return { text: `${job.label}：正在取消…`, percent: null };
  if (job.total === null || job.total === 0) return { text: `${job.label}：正在准备…`, percent: null };
  const percent = Math.min(100, Math.floor((job.done / job.total) * 100));
  return { text: `${job.label}：${formatCount(job.done)} / ${formatCount(job.total)}（${percent}%）`, percent };
}
