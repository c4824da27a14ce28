// 导出 Excel of a case list: the file's name, and the bytes the core hands over made into a download the window
// allows (a blob: address of the app's own, as the audit CSV; nothing is fetched from anywhere else).

/** 案件列表-2026-11-23.xlsx, after the day the export counted from; characters Windows refuses in names replaced. */
export function exportFileName(prefix: string, today: string): string {
  const safe = prefix.replace(/[\\/:*?"<>|\s]+/g, '-');
  return `${safe}-${today}.xlsx`;
}


export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

export { downloadBytes } from '../../lib/download';
