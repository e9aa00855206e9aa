import { type Static, type TObject, type TSchema, Type } from '@sinclair/typebox';
import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import { MAX_AMOUNT_FEN } from '@sutiao/domain/money.ts';

const components: TSchema[] = [];

/**
 * A named shape: registered once (app.addSchema, see routes/index.ts) so it appears as `components.schemas.<name>`
 * in the OpenAPI document and the web client gets a type of that name; routes refer to it.
 */
export function component<T extends TSchema>(name: string, schema: T) {
  components.push({ ...schema, $id: name });
  return Type.Unsafe<Static<T>>(Type.Ref(name));
}

/** Every named shape, for registration before the routes that refer to them. */
export const componentSchemas = (): readonly TSchema[] => components;

/** Every failure's body (error-handler.ts). */
const ErrorRef = component(
  'Error',
  Type.Object(
    { code: Type.String({ description: 'Stable code (error-catalogue.ts)' }), message: Type.String() },
    { description: 'The message follows Accept-Language (zh-CN default, en)' },
  ),
);

/**
 * A route's responses: its success schemas plus the shared error body for every 4xx and 5xx. Fastify serializes
 * with these schemas and drops undeclared properties, so a field missing here never reaches the client.
 */
export const replies = <R extends Record<number, TSchema | { content: unknown; description?: string }>>(
  success: R,
) => ({ ...success, '4xx': ErrorRef, '5xx': ErrorRef });

/** 204: no body. */
export const NoContent = Type.Null({ description: 'No content' });

/** A file download (PDF, XLSX, evidence): the bytes as they are, typed for OpenAPI only. */
export const binary = (contentType: string, description: string) => ({
  description,
  content: {
    [contentType]: {
      schema: Type.Unsafe<Uint8Array | NodeJS.ReadableStream>({ type: 'string', format: 'binary' }),
    },
  },
});

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const Id = Type.String({ minLength: 1, maxLength: INPUT_LIMITS.id });
export const IdParams = Type.Object({ id: Id });
export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
export const Fen = Type.Integer({ minimum: 1, maximum: MAX_AMOUNT_FEN, description: 'Integer fen' });
export const ExpectedVersion = { expectedVersion: Type.Integer({ minimum: 1 }) };
/** Non-empty text up to `max` characters (the use case then checks the trimmed length against the same limit). */
export const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

/**
 * JSON the loss engine wrote and the server stores and returns as it is (JSONB): the known fields are declared for
 * the client, further fields pass through (additionalProperties), and the server's own type stays the stored
 * record's — it never builds these objects itself.
 */
export const StoredJson = <T extends TObject>(schema: T) =>
  Type.Unsafe<Record<string, unknown>>({ ...schema, additionalProperties: true });
