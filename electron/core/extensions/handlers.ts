// Handlers of the extensions domain: none yet; the folder is where its issue puts them.
import { extensionsApi } from '../../../shared/extensions/api';
import { createDomain } from '../kernel/domain';
import type { CoreServices } from '../app/services';

export const extensionsDomain = createDomain('extensions', extensionsApi, (_s: CoreServices) => ({}));
