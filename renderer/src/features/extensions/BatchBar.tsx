// Several requests decided in one go on the president's desk: the rows chosen, one comment, approve or reject; each is
// still its own call and its own audit entry, and the bar says per row what happened.
import { useState } from 'react';
import { useStore } from 'zustand';
import { EXTENSION_TEXT_MAX } from '../../../../shared/extensions/api';
import { stores } from '../../stores';

export function BatchBar({ chosen, total, onAll, onDone }: { chosen: readonly number[]; total: number; onAll(all: boolean): void; onDone(): void }) {
  const busy = useStore(stores.extensions, (s) => s.busy);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  async function run(approve: boolean) {
    if (!chosen.length) return setProblem('请先勾选要审批的申请');
    if (!comment.trim()) return setProblem('请填写审批意见');
    setProblem(null);
    await stores.extensions.getState().decideMany(chosen, approve, comment.trim());
    setComment('');
    onDone();
  }

  return (
    <section className="ext-batch" aria-label="批量审批" data-testid="ext-batch">
      <div className="ext-batch-row">
        <label className="ext-batch-all">
          <input type="checkbox" data-testid="ext-select-all" checked={chosen.length === total} onChange={(e) => onAll(e.target.checked)} />
          全选
        </label>
        <span data-testid="ext-batch-count">已选 {chosen.length} / {total} 件</span>
        <input
          className="ext-batch-comment"
          data-testid="ext-batch-comment"
          aria-label="审批意见（对所选各件相同）"
          placeholder="审批意见（对所选各件相同）"
          maxLength={EXTENSION_TEXT_MAX}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
        <button type="button" className="primary" disabled={busy} data-testid="ext-batch-approve" onClick={() => void run(true)}>
          批准所选
        </button>
        <button type="button" className="danger-outline" disabled={busy} data-testid="ext-batch-reject" onClick={() => void run(false)}>
          不予批准所选
        </button>
      </div>
      <p className="muted small">批量审批按所申请的期限批准；每件分别审批、分别记入审计日志，某件不符合规定的不影响其他各件。</p>
      {problem ? (
        <p className="form-error" role="alert" data-testid="ext-batch-problem">
          {problem}
        </p>
      ) : null}
    </section>
  );
}

/** What each row of the last decision taken at once came to; stays after the rows leave the queue. */
export function BatchResults() {
  const results = useStore(stores.extensions, (s) => s.batch);
  if (!results?.length) return null;
  return (
    <section className="ext-batch" aria-label="批量审批结果">
      <p className="small">批量审批结果（共 {results.length} 件，成功 {results.filter((r) => r.ok).length} 件）：</p>
      <ul className="ext-batch-results" data-testid="ext-batch-results">
        {results.map((r) => (
          <li key={r.id} className={r.ok ? 'tone-ok' : 'tone-danger'} data-testid="ext-batch-result" data-ok={r.ok ? 'yes' : 'no'}>
            {r.caseNumber}：{r.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
