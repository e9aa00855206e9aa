/** file URLs of the bundled CLI and worker, building them if needed; null when that is not possible. */
export function bundled(): Promise<{ cli: URL; worker: URL } | null>;
