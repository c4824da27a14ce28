// The words for backups that the window and the command line both show: why a copy was made, and how large it is.
export const BACKUP_REASON_LABELS = {
  manual: '手动',
  daily: '每日',
  'before-import': '导入前',
  'before-restore': '恢复前',
  'before-migration': '升级前',
} as const;
export type BackupReasonId = keyof typeof BACKUP_REASON_LABELS;

export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
