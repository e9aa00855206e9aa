export function ensureInstalled(): void;
export function ensureWebBuilt(): void;
export function ensureServerBuilt(): void;
