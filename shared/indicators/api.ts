// The indicators domain's calls: the quality-and-efficiency indicators and their dashboards; filled by its own issue.
import { defineCalls } from '../api/define';

export const indicatorsApi = defineCalls({});
