// Handlers of the indicators domain: none yet; the folder is where its issue puts them.
import { indicatorsApi } from '../../../shared/indicators/api';
import { createDomain } from '../kernel/domain';
import type { CoreServices } from '../app/services';

export const indicatorsDomain = createDomain('indicators', indicatorsApi, (_s: CoreServices) => ({}));
