// "Did it move" in words, with a sign that reads without colour: ▲ 改善, ▼ 变差, ＝ 基本持平, ？ 无法判断.
import type { Verdict, VerdictKind } from '../../../../shared/ledger/verdict';

const SIGNS: Record<VerdictKind, string> = { better: '▲', worse: '▼', unchanged: '＝', unknown: '？' };

export function VerdictLine({ verdict, testId, inline }: { verdict: Verdict; testId?: string; inline?: boolean }) {
  const body = (
    <>
      <span className="lr-verdict-sign" aria-hidden="true">{SIGNS[verdict.kind]}</span> <strong>{verdict.label}</strong>：{verdict.sentence.replace(/^无法判断：/, '')}
    </>
  );
  return inline ? (
    <span className={`lr-verdict lr-verdict-${verdict.kind}`} data-testid={testId} data-kind={verdict.kind}>{body}</span>
  ) : (
    <p className={`lr-verdict lr-verdict-${verdict.kind}`} data-testid={testId} data-kind={verdict.kind}>{body}</p>
  );
}
