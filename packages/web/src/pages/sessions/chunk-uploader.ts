import { ApiError } from '../../api/client.ts';

export interface UploadProgress {
  uploaded: number;
  pending: number;
  /** Attempts that failed and were tried again. */
  retries: number;
  /** Chunks given up on (refused by the server for a reason a retry cannot mend). */
  failed: number;
  error?: string;
}

/** Failures worth trying again: the network, the server busy or briefly down. A 4xx answer will not change. */
export const retryable = (err: unknown) =>
  !(err instanceof ApiError) || err.status === 0 || err.status === 429 || err.status >= 500;

const MAX_BACKOFF_MS = 8000;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Uploads numbered chunks one after another, in order, each with its SHA-256; a chunk that fails for the network or
 * the server is tried again with a growing pause (up to 8 s) until it arrives, so a dropped connection delays the
 * recording but loses nothing. A chunk is let go of only once the server has it.
 */
export function chunkUploader(
  send: (seq: number, chunk: Blob, sha256: string) => Promise<unknown>,
  onProgress: (p: UploadProgress) => void,
) {
  const progress: UploadProgress = { uploaded: 0, pending: 0, retries: 0, failed: 0 };
  let queue: Promise<void> = Promise.resolve();
  const report = () => onProgress({ ...progress });

  async function upload(seq: number, chunk: Blob) {
    const sha256 = await sha256Hex(chunk);
    for (let attempt = 0; ; attempt++) {
      try {
        await send(seq, chunk, sha256);
        progress.uploaded++;
        return;
      } catch (err) {
        if (!retryable(err)) {
          progress.failed++;
          progress.error = err instanceof Error ? err.message : String(err);
          return;
        }
        progress.retries++;
        report();
        await sleep(Math.min(MAX_BACKOFF_MS, 250 * 2 ** attempt));
      }
    }
  }

  return {
    add(seq: number, chunk: Blob) {
      progress.pending++;
      report();
      queue = queue.then(async () => {
        await upload(seq, chunk);
        progress.pending--;
        report();
      });
    },
    /** Resolves once every chunk added so far has been uploaded or given up on. */
    async drain(): Promise<UploadProgress> {
      await queue;
      return { ...progress };
    },
  };
}
