// 报送中院 (#/exchange): a basic court's 密钥与接收方, 生成报送包, 已生成的报送包 and 导入中院回执, or an intermediate court's 密钥,
// 接收报送包, 各基层法院 and 制作中院回执 (the court's level comes from app.info); each panel only for those whose role allows its calls.
import { useStore } from 'zustand';
import type { Action } from '../../../../shared/accounts/roles';
import { session, stores } from '../../stores';
import { BasicKeysPanel } from './BasicKeysPanel';
import { CourtsTable } from './CourtsTable';
import { ExportPanel } from './ExportPanel';
import { MidKeysPanel } from './MidKeysPanel';
import { PastExports } from './PastExports';
import { ReceivePanel } from './ReceivePanel';
import { ReturnImportPanel, ReturnMakePanel } from './ReturnPanels';
import './exchange.css';

function KeysState({ error }: { error: string | null }) {
  return error ? (
    <p className="banner error" role="alert">
      {error}
    </p>
  ) : (
    <p className="muted">正在读取密钥…</p>
  );
}

/** Someone who may send or receive but not manage keys (院长) is told who does. */
function KeysElsewhere({ what }: { what: string }) {
  return (
    <p className="panel muted" data-testid="xc-keys-elsewhere">
      {what}由审管办或系统管理员管理（“管理报送密钥和对方法院”权限）。
    </p>
  );
}

export function ExchangePage() {
  const info = useStore(stores.app, (s) => s.info);
  const user = useStore(session, (s) => s.user);
  const keys = useStore(stores.exchange, (s) => s.keys);
  const past = useStore(stores.exchange, (s) => s.exports);
  const courts = useStore(stores.exchange, (s) => s.courts);
  if (!info || !user) {
    return (
      <div className="page page-scroll" data-testid="exchange-page">
        <p className="muted">正在读取…</p>
      </div>
    );
  }
  const can = (a: Action) => user.permissions.includes(a);
  const x = stores.exchange.getState();
  const court = `${info.courtName}（${info.courtCode}）`;

  // Setting up comes first until it is done; then the daily work (sending, receiving) leads and the keys follow. The
  // panel moves by CSS order, not by place in the tree, so that it keeps its state (a message just shown) when it moves.
  const k = keys.value;
  if (info.courtLevel === 'basic') {
    const keysFirst = can('exchange.keys') && !(k?.signing && k.recipient?.signingKey);
    const keysPanel = can('exchange.keys') ? k ? <BasicKeysPanel keys={k} onKeys={(v) => x.setKeys(v)} /> : <KeysState error={keys.error} /> : <KeysElsewhere what="本院签名密钥和接收方" />;
    return (
      <div className="page page-scroll xc-page" data-testid="exchange-page" data-level="basic">
        <div className="page-head">
          <h1>报送中院</h1>
          <span className="muted xc-court">{court} · 基层法院</span>
        </div>
        <p className="muted xc-lead">
          报送包只有中院能解密，任何改动中院都能发现；用 U 盘交给中院。第一次报送前，先生成本院签名密钥、设置接收方，并把本院公钥卡交给中院，双方电话核对指纹。
        </p>
        <div className="xc-slot" style={{ order: keysFirst ? 0 : 2 }}>
          {keysPanel}
        </div>
        {can('exchange.export') ? (
          <div className="xc-slot">
            <ExportPanel today={info.today} hasPast={(past.value?.length ?? 0) > 0} onWritten={() => void x.loadExports()} />
            <PastExports rows={past.value} error={past.error} />
            <ReturnImportPanel signingKey={k?.recipient?.signingKey ?? null} onImported={() => void x.loadExports()} noSigningKey={Boolean(k && !k.recipient?.signingKey)} />
          </div>
        ) : null}
      </div>
    );
  }

  // The courts a return can be made for: those received from, and those registered (a return before any package).
  const known = new Map<string, string>();
  for (const r of courts.value ?? []) known.set(r.senderCode, r.senderName);
  for (const s of k?.senders ?? []) if (!known.has(s.courtCode)) known.set(s.courtCode, s.courtName);
  const returnCourts = [...known].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code, 'zh'));
  const midKeysFirst = can('exchange.keys') && !(k?.age && k.senders.length > 0);
  const midKeys = can('exchange.keys') ? (
    k ? (
      <MidKeysPanel keys={k} onKeys={(v) => x.setKeys(v)} onRegistered={() => void x.loadKeys()} />
    ) : (
      <KeysState error={keys.error} />
    )
  ) : (
    <KeysElsewhere what="本院解密密钥和登记的基层法院" />
  );
  return (
    <div className="page page-scroll xc-page" data-testid="exchange-page" data-level="intermediate">
      <div className="page-head">
        <h1>接收报送包</h1>
        <span className="muted xc-court">{court} · 中级法院</span>
      </div>
      <p className="muted xc-lead">
        基层法院用 U 盘交来报送包（.cdpkg）。先核验（不需要口令），再输入本院解密密钥口令导入；同一个报送包重复导入不会重复计数。登记基层法院前，须与该院电话核对指纹。
      </p>
      <div className="xc-slot" style={{ order: midKeysFirst ? 0 : 2 }}>
        {midKeys}
      </div>
      {can('exchange.receive') ? (
        <div className="xc-slot">
          <ReceivePanel onReceived={() => void x.loadCourts()} />
          <CourtsTable rows={courts.value} error={courts.error} today={info.today} />
          <ReturnMakePanel courts={returnCourts} />
        </div>
      ) : null}
    </div>
  );
}
