// The main window and the hardening every web contents and the session get: no new windows, no navigation away,
// no permissions but writing the clipboard, no webviews, no request that is not served by the app itself.
import { BrowserWindow, type Session, type WebContents, type WebPreferences } from 'electron';
import { APP_ENTRY_URL, isAllowedNavigation, isAllowedPermission, isAllowedRequest, secureWebPreferences } from './security';

export const WINDOW_TITLE = '法院质效台';

/** Applied from app 'web-contents-created', so it also covers contents we did not create ourselves. */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isAllowedPermission(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isAllowedPermission(permission));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
}

export function createMainWindow(preloadPath: string, options: { devTools: boolean }): BrowserWindow {
  // Typed against Electron's own WebPreferences, so a misspelt key in security.ts fails the type check here.
  const webPreferences: WebPreferences = secureWebPreferences(preloadPath, options);
  const win = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences,
  });
  win.once('ready-to-show', () => win.show());
  // The page's <title> would otherwise replace the product name in the task bar.
  win.on('page-title-updated', (event) => event.preventDefault());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
