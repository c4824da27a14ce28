// Start-up: make the window's API and stores (reading the loopback token), ask who is signed in, follow the address
// bar, load what the screen needs.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import './features/cases/caseWork.css';
import { App } from './App';
import { currentPermissions, router, session, startWindow, stores, takeLanding } from './stores';
import { startRoute } from './router/start';
import { applyRoute, resetData, startData } from './stores/controller';

startWindow();

const sync = () => router.getState().sync();
window.addEventListener('hashchange', sync);
window.addEventListener('popstate', sync);

/** Set while the sign-in moves the window to the start page: startData loads that route, once. */
let landingNow = false;

// Data is fetched only while the app is shown; a locked or signed-out window keeps its address and asks for nothing.
router.subscribe((s, prev) => {
  if (s.route !== prev.route && !landingNow && session.getState().phase === 'ready') void applyRoute(s.route, stores, currentPermissions());
});

session.subscribe((s, prev) => {
  if (s.phase === prev.phase && s.user === prev.user) return;
  // Signed out (or the session was lost): forget the previous person's cases before anyone else signs in.
  if ((s.phase === 'signIn' || s.phase === 'setup') && prev.phase !== s.phase) resetData(stores);
  // Signed in or unlocked: load what failed or was never loaded, for the address the window still shows.
  // Signed in with no address of his own: the start page (审限预警 for those who may view cases), not the case list.
  if (s.phase === 'ready' && prev.phase !== 'ready') {
    if (takeLanding()) {
      landingNow = true;
      try {
        router.getState().navigate(startRoute(currentPermissions()), { replace: true });
      } finally {
        landingNow = false;
      }
    }
    void startData(router.getState().route, stores, currentPermissions());
  }
});

void session.getState().loadStatus();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
