import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  API_TYPES_FILE,
  generateApiTypes,
  mergeDocuments,
  type OpenApiDocument,
  openApiDocument,
} from '../../../../scripts/generate-api-types.mjs';

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

describe('the web client types generated from the OpenAPI documents', () => {
  it('are up to date with the route schemas (else run `npm run api:types`)', async () => {
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    expect(committed === (await generateApiTypes()), 'generated/openapi.ts is stale: npm run api:types').toBe(
      true,
    );
  }, 60_000);

  it.each(['court', 'mediation'] as const)(
    'come from a %s document where every operation declares its success and the shared error',
    async (platform) => {
      const document = await openApiDocument(platform);
      const undeclared: string[] = [];
      for (const [path, item] of Object.entries(document.paths)) {
        for (const [method, operation] of Object.entries(item)) {
          if (!METHODS.has(method)) continue;
          const codes = Object.keys(operation.responses ?? {});
          const success = codes.filter((code) => /^2\d\d$/.test(code));
          const error = operation.responses?.['4XX']?.content?.['application/json'];
          if (success.length === 0 || !error) undeclared.push(`${method.toUpperCase()} ${path}`);
        }
      }
      expect(undeclared).toEqual([]);
      expect(document.components?.schemas?.Error).toMatchObject({
        properties: { code: { type: 'string' }, message: { type: 'string' } },
      });
    },
    30_000,
  );

  it('refuses to merge a path the two platforms describe differently', () => {
    const base = { openapi: '3.0.3', info: { title: 't', version: '1' } };
    const health = (summary: string) => ({ '/api/health': { get: { summary, responses: {} } } });
    expect(() =>
      mergeDocuments({
        court: { ...base, paths: health('court') } as OpenApiDocument,
        mediation: { ...base, paths: health('mediation') } as OpenApiDocument,
      }),
    ).toThrow(/\/api\/health differs/);
  });
});
