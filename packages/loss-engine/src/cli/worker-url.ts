import { Worker } from 'node:worker_threads';

/** The worker threads' entry: the bundled worker when the launcher runs the bundled CLI (bin/bundle.mjs), else the tsx boot file. */
export function workerUrl(): URL {
  return (
    (globalThis as { __sutiaoLossWorker?: URL }).__sutiaoLossWorker ??
    new URL('./worker-boot.mjs', import.meta.url)
  );
}

/**
 * Worker threads kept for several jobs (the parse ranges, then the assessment ranges), so each thread starts —
 * loads and compiles the worker — once. A job is a message to `worker.ts`; `handle` sees each message the
 * thread sends back and returns `{ done }` with the job's answer on the last one.
 */
export class Threads {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];

  run<T>(
    job: unknown,
    handle: (m: unknown, w: Worker) => { done: T } | { failed: unknown } | undefined,
  ): Promise<T> {
    const w = this.idle.pop() ?? this.start();
    return new Promise<T>((resolve, reject) => {
      const onMessage = (m: unknown) => {
        let r: ReturnType<typeof handle>;
        try {
          r = handle(m, w);
        } catch (e) {
          r = { failed: e };
        }
        if (!r) return;
        w.off('message', onMessage);
        w.off('error', onError);
        if ('done' in r) {
          this.idle.push(w);
          resolve(r.done);
        } else {
          void w.terminate();
          reject(r.failed);
        }
      };
      const onError = (e: unknown) => {
        w.off('message', onMessage);
        reject(e);
      };
      w.on('message', onMessage);
      w.once('error', onError);
      w.postMessage(job);
    });
  }

  private start(): Worker {
    const w = new Worker(workerUrl(), { workerData: null });
    this.all.push(w);
    return w;
  }

  /** Ends every thread. */
  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
    this.all.length = 0;
    this.idle.length = 0;
  }
}
