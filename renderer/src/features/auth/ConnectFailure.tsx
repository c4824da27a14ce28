// Shown when the window cannot ask who is signed in (service unreachable, wrong address): the reason and a retry.
import { session } from '../../stores';

export function ConnectFailure({ message }: { message: string }) {
  return (
    <div className="startup-failure" data-testid="connect-error" role="alert">
      <div className="startup-box">
        <h1>无法连接法院质效台服务</h1>
        <p className="startup-message">{message}</p>
        <p>请关闭此窗口，重新启动法院质效台；使用本机浏览器时，请打开启动时显示的完整地址。</p>
        <div className="startup-actions">
          <button type="button" onClick={() => void session.getState().loadStatus()}>
            重试
          </button>
        </div>
      </div>
    </div>
  );
}
