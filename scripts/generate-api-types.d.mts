export const API_TYPES_FILE: string;
export function openApiDocument(platform: 'court' | 'mediation'): Promise<OpenApiDocument>;
export function mergeDocuments(documents: Record<string, OpenApiDocument>): OpenApiDocument;
export function generateApiTypes(): Promise<string>;

export interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>
  >;
  components?: { schemas?: Record<string, unknown> };
  [key: string]: unknown;
}
