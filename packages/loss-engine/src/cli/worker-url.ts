/** The worker threads' entry: the bundled worker when the launcher runs the bundled CLI (bin/bundle.mjs), else the tsx boot file. */
export function workerUrl(): URL {
  return (
    (globalThis as { __sutiaoLossWorker?: URL }).__sutiaoLossWorker ??
    new URL('./worker-boot.mjs', import.meta.url)
  );
}
