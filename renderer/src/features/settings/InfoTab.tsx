// 设置 · 本机与安全: the person's own account, the idle lock, the holiday switch, the closing rules and this installation.
import { useState } from 'react';
import { useStore } from 'zustand';
import { ChangePasswordDialog } from '../../components/ChangePasswordDialog';
import { rolesText, scopeText } from '../../lib/auth';
import { formatCount, formatDate } from '../../lib/format';
import { session, stores } from '../../stores';
import { DelegationPanel } from '../extensions/DelegationPanel';
import { ClosingRulesPanel } from './ClosingRulesPanel';
import { HolidayRollPanel } from './HolidayRollPanel';
import { IdleLockPanel } from './IdleLockPanel';
import { idleLockText } from './idleLock';

function InfoPanel() {
  const info = useStore(stores.app, (s) => s.info);
  const error = useStore(stores.app, (s) => s.infoError);
  return (
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
  );
}

function MyAccountPanel() {
  const user = useStore(session, (s) => s.user);
  const minutes = useStore(session, (s) => s.idleLockMinutes);
  const [changing, setChanging] = useState(false);
  if (!user) return null;
  return (
    <section className="panel">
      <h2>我的账号</h2>
      <dl className="kv">
        <dt>姓名</dt>
        <dd data-testid="settings-user-name">{user.name}</dd>
        <dt>角色</dt>
        <dd>{rolesText(user.roles)}</dd>
        <dt>部门</dt>
        <dd>{user.division ?? '—'}</dd>
        <dt>查看范围</dt>
        <dd>{scopeText(user)}</dd>
        <dt>自动锁定</dt>
        <dd>{idleLockText(minutes)}</dd>
        <dt>口令</dt>
        <dd>
          <button type="button" data-testid="settings-change-password" onClick={() => setChanging(true)}>
            修改口令
          </button>
        </dd>
      </dl>
      {changing ? <ChangePasswordDialog onClose={() => setChanging(false)} /> : null}
    </section>
  );
}

export function InfoTab() {
  return (
    <>
      <MyAccountPanel />
      <IdleLockPanel />
      <HolidayRollPanel />
      <ClosingRulesPanel />
      <DelegationPanel />
      <InfoPanel />
      <section className="panel">
        <h2>更多设置</h2>
        <p className="muted">指标合理区间等，将在后续版本中提供。</p>
      </section>
    </>
  );
}
