// 设置: what this installation is (court, database, versions); more settings come with later versions.
import { useStore } from 'zustand';
import { formatCount, formatDate } from '../lib/format';
import { stores } from '../stores';

export function SettingsPage() {
  const info = useStore(stores.app, (s) => s.info);
  const error = useStore(stores.app, (s) => s.infoError);
  return (
    <div className="page page-scroll" data-testid="settings-page">
      <div className="page-head">
        <h1>设置</h1>
      </div>
      <section className="panel">
        <h2>本机信息</h2>
        {error ? (
          <div className="banner error" role="alert">
            {error}
          </div>
        ) : null}
        {info ? (
          <dl className="kv">
            <dt>法院代码</dt>
            <dd data-testid="settings-court-code">{info.courtCode}</dd>
            <dt>法院名称</dt>
            <dd data-testid="settings-court-name">{info.courtName}</dd>
            <dt>数据类型</dt>
            <dd>{info.demo ? <span className="chip tone-warn">演示数据（程序生成，非真实案件）</span> : '正式数据'}</dd>
            <dt>数据库文件</dt>
            <dd className="path" data-testid="settings-db-path" title={info.dbPath}>
              {info.dbPath}
            </dd>
            <dt>数据结构版本</dt>
            <dd className="num">{info.schemaVersion}</dd>
            <dt>案件数</dt>
            <dd className="num" data-testid="settings-case-count">
              {formatCount(info.caseCount)} 件
            </dd>
            <dt>运行方式</dt>
            <dd>{info.host === 'electron' ? 'Electron 桌面程序' : '本机浏览器（本机服务）'}</dd>
            <dt>程序版本</dt>
            <dd className="num">{info.appVersion}</dd>
            <dt>系统日期</dt>
            <dd className="num">{formatDate(info.today)}</dd>
          </dl>
        ) : error ? null : (
          <p className="muted">正在读取…</p>
        )}
      </section>
      <section className="panel">
        <h2>更多设置</h2>
        <p className="muted">用户与权限、审限与节假日设置、指标合理区间、数据备份与恢复等，将在后续版本中提供。</p>
      </section>
    </div>
  );
}
