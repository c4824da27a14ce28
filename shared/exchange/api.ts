// The exchange domain's calls: the packages reported to the intermediate court; filled by its own issue.
import { defineCalls } from '../api/define';

export const exchangeApi = defineCalls({});
