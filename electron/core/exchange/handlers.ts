// Handlers of the exchange domain: none yet; the folder is where its issue puts them.
import { exchangeApi } from '../../../shared/exchange/api';
import { createDomain } from '../kernel/domain';
import type { CoreServices } from '../app/services';

export const exchangeDomain = createDomain('exchange', exchangeApi, (_s: CoreServices) => ({}));
