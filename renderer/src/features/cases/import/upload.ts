// Handing a file picked for import to the core in pieces (cases.importUpload), through the window's one piece upload (lib/upload.ts).
import type { CourtDeskApi } from '../../../../../shared/api/contract';
import { bytesToBase64, uploadPieces, type PickedFile, type UploadOutcome } from '../../../lib/upload';

export { bytesToBase64, type PickedFile };

/** The import's file, piece by piece into the core's imports folder; see uploadPieces. */
export function uploadFile(
  api: Pick<CourtDeskApi, 'cases.importUpload'>,
  file: PickedFile,
  onProgress: (sent: number) => void,
  stopped: () => boolean = () => false,
): Promise<UploadOutcome> {
  return uploadPieces((piece) => api['cases.importUpload'](piece), file, onProgress, stopped);
}
