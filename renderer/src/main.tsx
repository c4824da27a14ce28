// Start-up: read the loopback token (api/instance), follow the address bar, load what the first screen needs.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { App } from './App';
import { router, stores } from './stores';
import { applyRoute } from './stores/controller';

const sync = () => router.getState().sync();
window.addEventListener('hashchange', sync);
window.addEventListener('popstate', sync);

router.subscribe((s, prev) => {
  if (s.route !== prev.route) void applyRoute(s.route, stores);
});

const app = stores.app.getState();
void app.loadInfo();
void app.loadDivisions();
void app.loadJudges(null);
void applyRoute(router.getState().route, stores);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
