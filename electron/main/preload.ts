// Sandboxed preload: exposes window.courtdesk with exactly one function per API call, each an ipcRenderer.invoke.
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS } from '../../shared/api/methods';

// Only invoke, one fixed channel per call: the page never gets ipcRenderer, a generic channel or an event source.
const api: Record<string, (args: unknown) => Promise<unknown>> = {};
for (const name of API_METHODS) {
  api[name] = (args: unknown) => ipcRenderer.invoke('api:' + name, args);
}

contextBridge.exposeInMainWorld('courtdesk', Object.freeze(api));
