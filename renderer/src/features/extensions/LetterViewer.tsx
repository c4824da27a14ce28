// A scanned letter shown in the window: fetched in pieces with progress, fitted to the window or at 100%, and downloadable.
import { useEffect, useRef, useState } from 'react';
import type { ExtensionRow } from '../../../../shared/api/contract';
import { Dialog } from '../../components/Dialog';
import { downloadBytes } from '../../lib/download';
import { api } from '../../stores';
import { fetchLetter, imageAddress, sizeText } from './letters';

type Letter = ExtensionRow['attachments'][number];

export function LetterViewer({ requestId, letter, onClose }: { requestId: number; letter: Letter; onClose(): void }) {
  const [percent, setPercent] = useState(0);
  const [image, setImage] = useState<{ src: string; pieces: Uint8Array<ArrayBuffer>[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fit, setFit] = useState(true);
  const closed = useRef(false);

  useEffect(() => {
    closed.current = false;
    void fetchLetter(api, requestId, letter.id, (n, total) => setPercent(Math.floor((n / Math.max(total, 1)) * 100)), () => closed.current).then((got) => {
      if (!got) return;
      if (!got.ok) setError(got.message);
      else setImage({ src: imageAddress(letter.mime, got.pieces), pieces: got.pieces });
    });
    return () => {
      closed.current = true;
    };
  }, [requestId, letter.id, letter.mime]);

  return (
    <Dialog title={`附件：${letter.name}`} onClose={onClose} testId="letter-viewer" className="letter-viewer">
      <div className="letter-tools">
        <span className="muted small">{sizeText(letter.size)}</span>
        <div className="segmented" role="group" aria-label="显示大小">
          <button type="button" className={fit ? 'active' : undefined} aria-pressed={fit} data-testid="letter-fit" onClick={() => setFit(true)}>
            适合窗口
          </button>
          <button type="button" className={fit ? undefined : 'active'} aria-pressed={!fit} data-testid="letter-actual" onClick={() => setFit(false)}>
            100%
          </button>
        </div>
        <button type="button" className="push-right" data-testid="letter-download" disabled={!image} onClick={() => image && downloadBytes(image.pieces, letter.name, letter.mime)}>
          下载
        </button>
      </div>
      <div className={`letter-stage${fit ? ' fit' : ''}`} data-testid="letter-stage">
        {error ? (
          <div className="banner error" role="alert">{error}</div>
        ) : image ? (
          <img src={image.src} alt={letter.name} data-testid="letter-image" />
        ) : (
          <div className="letter-progress" data-testid="letter-progress">
            <progress max={100} value={percent} />
            <span className="muted small">正在读取 {percent}%</span>
          </div>
        )}
      </div>
    </Dialog>
  );
}
