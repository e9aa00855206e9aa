export const DOCKING_SCHEMAS_FILE: string;
export const DOCKING_PROTOCOL_FILE: string;
export function dockingSchemasJson(): string;
export function dockingExample(): Record<string, unknown>;
