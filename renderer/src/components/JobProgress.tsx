// While this window waits for a long job (switching the holiday roll, an import): what runs, how far it is, and a
// button to cancel it, read from jobs.list every half second; a cancelled job leaves the database as it was.
import { useEffect, useState } from 'react';
import type { JobView } from '../../../shared/api/contract';
import { describeJob } from '../lib/jobs';
import { api, session } from '../stores';

export function JobProgress({ active }: { active: boolean }) {
  const [job, setJob] = useState<JobView | null>(null);
  const [cancelError, setCancelError] = useState<string | null>(null);
  useEffect(() => {
    if (!active) {
      setJob(null);
      setCancelError(null);
      return;
    }
    let stopped = false;
    const poll = async () => {
      const r = await api['jobs.list']({});
      // Another person's job (a clerk's import while this judge exports) is not this window's to show or cancel.
      const me = session.getState().user?.name;
      if (!stopped && r.ok) setJob(r.value.find((j) => j.actor === me) ?? null);
    };
    void poll();
    const timer = setInterval(() => void poll(), 500);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [active]);
  if (!active || !job) return null;
  const d = describeJob(job);
  async function cancel() {
    const r = await api['jobs.cancel']({ id: job!.id });
    setCancelError(r.ok ? null : r.error.message);
  }
  return (
    <div className="job-progress" role="status" data-testid="job-progress">
      <div className="job-progress-line">
        <span>{d.text}</span>
        {job.cancellable && !job.cancelRequested ? (
          <button type="button" onClick={() => void cancel()} data-testid="job-cancel">
            取消
          </button>
        ) : null}
      </div>
      <progress max={100} value={d.percent ?? undefined} aria-label={job.label} />
      {cancelError ? <p className="form-message tone-danger" role="alert">{cancelError}</p> : null}
    </div>
  );
}
