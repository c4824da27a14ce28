// 设置 · 合理区间 (#/settings/ranges): shown to everyone who may view indicators; changed by the statistician (indicators.ranges). The panel reads the ranges itself.
import type { SettingsTabEntry } from '../routes';

export const rangesTab: SettingsTabEntry<'ranges'> = { tab: 'ranges', label: '合理区间', requires: 'indicators.view' };
