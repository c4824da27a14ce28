// Registers exactly one IPC handler per API call, each behind the origin guard; no other channel exists.
import { ipcMain } from 'electron';
import { API_METHODS } from '../../shared/api/methods';
import { guardedCall, ipcChannel, WindowSessions, type ApiCaller } from './ipcGuard';

const sessions = new WindowSessions();

export function registerApiHandlers(caller: ApiCaller): void {
  for (const method of API_METHODS) {
    // senderFrame is null once the frame has navigated away or been destroyed: the guard refuses that too.
    ipcMain.handle(ipcChannel(method), (event, args: unknown) => {
      const id = event.sender.id;
      if (!sessionsWatched.has(id)) {
        sessionsWatched.add(id);
        // A closed window's session ends with it.
        event.sender.once('destroyed', () => {
          sessions.forget(id);
          sessionsWatched.delete(id);
        });
      }
      return guardedCall(caller, method, event.senderFrame?.url, args, { id, sessions });
    });
  }
}

const sessionsWatched = new Set<number>();

export function removeApiHandlers(): void {
  for (const method of API_METHODS) ipcMain.removeHandler(ipcChannel(method));
}
