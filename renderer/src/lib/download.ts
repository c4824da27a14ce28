// Handing a file the window holds to the browser's download: a blob: address of the app's own and <a download>, so nothing is fetched from anywhere and nothing leaves the computer.

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Hands the pieces (bytes or text) to the browser's download; false when the window does not allow it. */
export function downloadBytes(pieces: BlobPart[], fileName: string, type = XLSX_MIME): boolean {
  try {
    const url = URL.createObjectURL(new Blob(pieces, { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return true;
  } catch {
    return false;
  }
}
