// Every call of the contract reaches the core through every shell: the Electron IPC registration and the loopback
// host serve exactly the contract's calls, each answered by the one dispatcher (never "unknown call").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { API_METHODS } from '../../shared/api/contract';
import { registerApiHandlers, type IpcEvent, type IpcRegistrar } from '../../electron/main/ipcGuard';
import { startLoopbackHost, type RunningHost } from '../../electron/host/loopbackHost';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import { freshCourtDb, record, tempDir } from '../helpers/tempDb';

let core: Core;
let fixture: ReturnType<typeof freshCourtDb>;
let renderer: ReturnType<typeof tempDir>;
let host: RunningHost;

beforeAll(async () => {
  fixture = freshCourtDb();
  fixture.put([record({ caseNumber: '（2024）辽0421民初1号' })]);
  new AccountStore(fixture.db).create({ name: '院长', roles: ['president'], password: 'president-1', actor: 'tester' });
  fixture.db.close();
  core = openCore({ dbPath: fixture.file, host: 'loopback', today: '2024-12-31', jobWorker: null });
  renderer = tempDir();
  host = await startLoopbackHost({ core, rendererDir: renderer.dir });
});
afterAll(async () => {
  await host.close();
  core.close();
  fixture.close();
  renderer.cleanup();
});

/** Records what the main process would register on ipcMain, and invokes it as a window of the app would. */
function recordingIpc() {
  const handlers = new Map<string, (event: IpcEvent, args: unknown) => Promise<unknown>>();
  const ipc: IpcRegistrar = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
  const event: IpcEvent = { sender: { id: 1, once: () => undefined }, senderFrame: { url: 'app://courtdesk/index.html' } };
  return { ipc, handlers, invoke: (channel: string, args: unknown) => handlers.get(channel)!(event, args) };
}

function post(method: string, body: unknown): Promise<{ status: number; body: { ok: boolean; error?: { code: string } } }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, method: 'POST', path: `/api/${encodeURIComponent(method)}`, headers: { 'x-courtdesk-token': host.token, 'content-type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('the Electron IPC registration', () => {
  it('registers one channel per call of the contract and no other', () => {
    const r = recordingIpc();
    registerApiHandlers(r.ipc, core);
    expect([...r.handlers.keys()].sort()).toEqual(API_METHODS.map((m) => `api:${m}`).sort());
  });

  it.each(API_METHODS)('serves %s', async (method) => {
    const r = recordingIpc();
    registerApiHandlers(r.ipc, core);
    const answer = (await r.invoke(`api:${method}`, {})) as { ok: boolean; error?: { code: string } };
    expect(typeof answer.ok).toBe('boolean');
    expect(answer.error?.code).not.toBe('UNKNOWN_METHOD');
  });

  it('keeps a window signed in across calls, as the dispatcher answers them', async () => {
    const r = recordingIpc();
    registerApiHandlers(r.ipc, core);
    expect(await r.invoke('api:cases.count', {})).toMatchObject({ ok: false, error: { code: 'SIGNED_OUT' } });
    expect(await r.invoke('api:auth.signIn', { name: '院长', password: 'president-1' })).toMatchObject({ ok: true });
    expect(await r.invoke('api:cases.count', {})).toEqual({ ok: true, value: { count: 1 } });
  });
});

describe('the loopback host', () => {
  it.each(API_METHODS)('serves %s', async (method) => {
    const r = await post(method, {});
    expect(r.status).toBe(200);
    expect(typeof r.body.ok).toBe('boolean');
    expect(r.body.error?.code).not.toBe('UNKNOWN_METHOD');
  });

  it('answers a name outside the contract as unknown', async () => {
    expect((await post('cases.drop', {})).body).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });
});
