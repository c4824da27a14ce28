// Registers exactly one IPC handler per API call, each behind the origin guard; no other channel exists.
import { ipcMain } from 'electron';
import { API_METHODS } from '../../shared/api/methods';
import { guardedCall, ipcChannel, type ApiCaller } from './ipcGuard';

export function registerApiHandlers(caller: ApiCaller): void {
  for (const method of API_METHODS) {
    // senderFrame is null once the frame has navigated away or been destroyed: the guard refuses that too.
    ipcMain.handle(ipcChannel(method), (event, args: unknown) => guardedCall(caller, method, event.senderFrame?.url, args));
  }
}

export function removeApiHandlers(): void {
  for (const method of API_METHODS) ipcMain.removeHandler(ipcChannel(method));
}
