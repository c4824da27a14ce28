// 设置 · 备份与恢复 (#/settings/backup, backup.manage): the tab. The panel asks backup.list itself when shown.
import type { SettingsTabEntry } from '../settings/routes';

export const backupTab: SettingsTabEntry<'backup'> = { tab: 'backup', label: '备份与恢复', requires: 'backup.manage' };
