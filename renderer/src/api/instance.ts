// The API of this window, created once at start-up (this is where the loopback token is read and hidden).
// Use the guarded `api` of stores/index.ts: it notices a lost or locked session.
import type { CourtDeskApi } from '../../../shared/api/contract';
import { createApi, type BrowserEnv } from './client';

export const rawApi: CourtDeskApi = createApi(window as unknown as BrowserEnv);
