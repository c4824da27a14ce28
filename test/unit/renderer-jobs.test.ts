// Renderer: a long job's progress in words and as the share of the progress bar.
import { describe, expect, it } from 'vitest';
import { describeJob } from '../../renderer/src/lib/jobs';
import type { JobView } from '../../shared/api/contract';

const job = (over: Partial<JobView>): JobView => ({
  id: 'a', label: '开启节假日顺延', actor: '信息科', startedAt: '2026-11-20T01:00:00Z', done: 0, total: null, cancellable: true, cancelRequested: false, ...over,
});

describe('describeJob', () => {
  it.each<[Partial<JobView>, string, number | null]>([
    [{}, '开启节假日顺延：正在准备…', null],
    [{ done: 0, total: 0 }, '开启节假日顺延：正在准备…', null],
    [{ done: 12_288, total: 1_000_000 }, '开启节假日顺延：12,288 / 1,000,000（1%）', 1],
    [{ done: 1_000_000, total: 1_000_000 }, '开启节假日顺延：1,000,000 / 1,000,000（100%）', 100],
    [{ done: 5, total: 4 }, '开启节假日顺延：5 / 4（100%）', 100],
    [{ done: 50, total: 100, cancelRequested: true }, '开启节假日顺延：正在取消…', null],
  ])('%j', (over, text, percent) => {
    expect(describeJob(job(over))).toEqual({ text, percent });
  });
});
