export function ensureInstalled(): void;
export function ensureWebBuilt(): void;
