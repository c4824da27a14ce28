// The import screen's state: the picked file uploaded, its preview (re-asked whenever the column mapping changes), the choices (all or nothing, new divisions and staff), the import and its result, and the rejected rows' download.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CourtDeskApi, ImportField, ImportPreview, ImportResult } from '../../../../../shared/api/contract';
import { IMPORT_EXTENSIONS, IMPORT_TYPE_MESSAGE, MAX_UPLOAD_BYTES } from '../../../../../shared/cases/importApi';
import { uploadFile, type PickedFile } from './upload';
import { base64ToBytes } from '../exportXlsx';

export type ImportPhase = 'idle' | 'uploading' | 'checking' | 'preview' | 'importing' | 'done';

export interface ImportState {
  phase: ImportPhase;
  fileName: string | null;
  fileSize: number;
  sent: number;
  upload: string | null;
  preview: ImportPreview | null;
  /** The person's answer for the unknown headers, as the preview last used it. */
  mapping: Record<string, ImportField | null>;
  goodRowsOnly: boolean;
  createMissing: boolean;
  result: ImportResult | null;
  error: string | null;
  pick(file: PickedFile): Promise<void>;
  mapColumn(header: string, field: ImportField | null): Promise<void>;
  setGoodRowsOnly(v: boolean): void;
  setCreateMissing(v: boolean): void;
  run(): Promise<void>;
  /** The rejected rows' bytes, fetched once; null with the error set when the core refuses. */
  fetchRejected(): Promise<Array<Uint8Array<ArrayBuffer>> | null>;
  /** Back to the start; the uploaded copy is discarded. */
  reset(): void;
}

export type ImportStore = StoreApi<ImportState>;

type ImportApi = Pick<CourtDeskApi, 'cases.importUpload' | 'cases.importPreview' | 'cases.import' | 'cases.importDiscard' | 'cases.importRejectedFetch'>;

const INITIAL = {
  phase: 'idle' as ImportPhase, fileName: null, fileSize: 0, sent: 0, upload: null, preview: null, mapping: {},
  goodRowsOnly: false, createMissing: false, result: null, error: null,
};

/** Refused before a byte is sent: a type the import cannot read, an empty or oversized file. */
export function pickProblem(file: { name: string; size: number }): string | null {
  if (!IMPORT_EXTENSIONS.some((e) => file.name.toLowerCase().endsWith(e))) return `“${file.name}”：${IMPORT_TYPE_MESSAGE}`;
  if (file.size === 0) return `“${file.name}”是空文件`;
  if (file.size > MAX_UPLOAD_BYTES) return `“${file.name}”超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，请分成几个文件导入`;
  return null;
}

export function createImportStore(api: ImportApi): ImportStore {
  // Each pick and each preview gets a number: an answer for an earlier one is dropped.
  let seq = 0;
  return createStore<ImportState>()((set, get) => {
    async function check(upload: string, mapping: Record<string, ImportField | null> | undefined, mine: number) {
      set({ phase: 'checking', error: null });
      const r = await api['cases.importPreview']({ upload, mapping });
      if (mine !== seq) return;
      if (!r.ok) {
        set({ phase: get().preview ? 'preview' : 'idle', error: r.error.message });
        return;
      }
      set({ phase: 'preview', preview: r.value, mapping: r.value.mapping, error: null });
    }

    function discard() {
      const { upload } = get();
      if (upload) void api['cases.importDiscard']({ upload });
    }

    return {
      ...INITIAL,
      async pick(file) {
        const problem = pickProblem(file);
        discard();
        const mine = ++seq;
        if (problem) {
          set({ ...INITIAL, error: problem });
          return;
        }
        set({ ...INITIAL, phase: 'uploading', fileName: file.name, fileSize: file.size });
        let up: Awaited<ReturnType<typeof uploadFile>>;
        try {
          up = await uploadFile(api, file, (sent) => mine === seq && set({ sent }), () => mine !== seq);
        } catch {
          // The file vanished or became unreadable between the pick and the read (a USB stick pulled out).
          if (mine === seq) set({ ...INITIAL, error: `无法读取“${file.name}”，请确认文件仍在原处后重新选择` });
          return;
        }
        if (up === null || mine !== seq) return;
        if (!up.ok) {
          set({ ...INITIAL, error: up.error.message });
          return;
        }
        set({ upload: up.upload });
        await check(up.upload, undefined, mine);
      },
      async mapColumn(header, field) {
        const { upload, mapping } = get();
        if (!upload) return;
        const mine = ++seq;
        await check(upload, { ...mapping, [header]: field }, mine);
      },
      setGoodRowsOnly: (goodRowsOnly) => set({ goodRowsOnly }),
      setCreateMissing: (createMissing) => set({ createMissing }),
      async run() {
        const { upload, mapping, goodRowsOnly, createMissing, preview } = get();
        if (!upload || !preview) return;
        const mine = ++seq;
        set({ phase: 'importing', error: null });
        const r = await api['cases.import']({ upload, mapping: preview.columns.length ? mapping : undefined, goodRowsOnly, createMissing });
        if (mine !== seq) return;
        if (!r.ok) {
          // Cancelled or refused: the database is as it was, and the preview still stands.
          set({ phase: 'preview', error: r.error.message });
          return;
        }
        set({ phase: 'done', result: r.value });
      },
      async fetchRejected() {
        const token = get().result?.rejectedToken;
        if (!token) return null;
        const pieces: Array<Uint8Array<ArrayBuffer>> = [];
        for (let offset = 0, total = 1; offset < total; ) {
          const r = await api['cases.importRejectedFetch']({ token, offset });
          if (!r.ok) {
            set({ error: r.error.message });
            return null;
          }
          pieces.push(base64ToBytes(r.value.base64));
          offset = r.value.next;
          total = r.value.total;
        }
        // Handed over once: the button goes.
        const result = get().result;
        if (result) set({ result: { ...result, rejectedToken: null } });
        return pieces;
      },
      reset() {
        discard();
        seq++;
        set({ ...INITIAL });
      },
    };
  });
}
