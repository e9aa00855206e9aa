/** Builds the server into `outDir` (default packages/server/dist); resolves with the folder's absolute path. */
export function buildServer(outDir?: string): Promise<string>;
export const SERVER_ENTRIES: Record<string, string>;
