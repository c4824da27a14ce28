// The API of this window, created once at start-up (this is where the loopback token is read and hidden).
import type { CourtDeskApi } from '../../../shared/api/contract';
import { createApi, type BrowserEnv } from './client';

export const api: CourtDeskApi = createApi(window as unknown as BrowserEnv);
