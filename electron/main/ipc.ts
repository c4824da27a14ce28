// Registers exactly one IPC handler per API call on Electron's ipcMain (the registration itself is in ipcGuard.ts).
import { ipcMain } from 'electron';
import { registerApiHandlers as register, removeApiHandlers as remove, type ApiCaller } from './ipcGuard';

export function registerApiHandlers(caller: ApiCaller): void {
  register(ipcMain, caller);
}

export function removeApiHandlers(): void {
  remove(ipcMain);
}
