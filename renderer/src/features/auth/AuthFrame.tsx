// The frame of the screens before the app: the program's name, the court, and one box in the middle.
import type { ReactNode } from 'react';

interface AuthFrameProps {
  court: string | null;
  demo?: boolean;
  children: ReactNode;
  /** Shown beside the main box on a wide window (the demo accounts), below it on a narrow one. */
  side?: ReactNode;
  testId: string;
}

export function AuthFrame({ court, demo, children, side, testId }: AuthFrameProps) {
  return (
    <div className="auth-screen" data-testid={testId}>
      <div className={`auth-column${side ? ' with-side' : ''}`}>
        <div className="auth-head">
          <div className="auth-brand">法院质效台</div>
          {court ? <div className="auth-court">{court}</div> : null}
          {demo ? (
            <span className="demo-badge" title="当前使用的是程序生成的演示数据库，其中的案件和人员均为虚构">
              演示数据
            </span>
          ) : null}
        </div>
        {side ? (
          <div className="auth-grid">
            <div>{children}</div>
            {side}
          </div>
        ) : (
          children
        )}
        <p className="auth-foot">离线运行 · 数据只保存在本机</p>
      </div>
    </div>
  );
}

/** "某某县人民法院（辽0421）". */
export function courtLine(name: string | null | undefined, code: string | null | undefined): string | null {
  if (!name) return code ?? null;
  return code ? `${name}（${code}）` : name;
}
