// The letters of one extension request, by name and size, on 延审审批 and the case page: an image opens in the viewer, a PDF is fetched in pieces and downloaded.
import { useState } from 'react';
import type { ExtensionRow } from '../../../../shared/api/contract';
import { downloadBytes } from '../../lib/download';
import { api } from '../../stores';
import { LetterViewer } from './LetterViewer';
import { fetchLetter, opensInline, sizeText } from './letters';

type Letter = ExtensionRow['attachments'][number];

export function LettersList({ r }: { r: Pick<ExtensionRow, 'id' | 'attachments'> }) {
  const [viewing, setViewing] = useState<Letter | null>(null);
  const [loading, setLoading] = useState<{ id: number; percent: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!r.attachments.length) return null;

  async function download(l: Letter) {
    setError(null);
    setLoading({ id: l.id, percent: 0 });
    const got = await fetchLetter(api, r.id, l.id, (n, total) => setLoading({ id: l.id, percent: Math.floor((n / Math.max(total, 1)) * 100) }));
    setLoading(null);
    if (!got) return;
    if (!got.ok) setError(got.message);
    else if (!downloadBytes(got.pieces, l.name, l.mime)) setError('本窗口不允许下载文件');
  }

  return (
    <div className="ext-letters-view" data-testid="ext-letters-view">
      <span className="muted small">附件：</span>
      <ul>
        {r.attachments.map((l) => (
          <li key={l.id} data-testid="ext-letter" data-mime={l.mime}>
            <button
              type="button"
              className="link-button ellipsis"
              title={opensInline(l) ? `查看 ${l.name}` : `下载 ${l.name}（用本机的 PDF 阅读器打开）`}
              data-testid="ext-letter-open"
              disabled={loading?.id === l.id}
              onClick={() => (opensInline(l) ? setViewing(l) : void download(l))}
            >
              {l.name}
            </button>
            <span className="muted small">
              {sizeText(l.size)}
              {opensInline(l) ? '' : ' · PDF 下载'}
              {loading?.id === l.id ? ` · 正在下载 ${loading.percent}%` : ''}
            </span>
          </li>
        ))}
      </ul>
      {error ? <span className="text-danger small" role="alert">{error}</span> : null}
      {viewing ? <LetterViewer requestId={r.id} letter={viewing} onClose={() => setViewing(null)} /> : null}
    </div>
  );
}
