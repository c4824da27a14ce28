// The extensions domain's calls: the extension workflow (延长审限): requests, opinions, decisions; filled by its own issue.
import { defineCalls } from '../api/define';

export const extensionsApi = defineCalls({});
