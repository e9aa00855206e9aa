import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { appError } from '@sutiao/domain/errors.ts';

type SchemaController = NonNullable<FastifyServerOptions['schemaController']>;
type BuildValidator = NonNullable<NonNullable<SchemaController['compilersFactory']>['buildValidator']>;

const NUL = '\u0000';
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text that can be hashed and stored as the same bytes: no NUL (PostgreSQL refuses it), no lone surrogate. */
export const isStorableText = (text: string): boolean =>
  !text.includes(NUL) && !UNPAIRED_SURROGATE.test(text);

type Problem = { kind: 'text' | 'number'; field: string };

/** The first string (or key) or number in a parsed value that no field may hold; walked without recursion. */
export function findUnstorable(value: unknown, root: string): Problem | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: root }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value: v, path } = next;
    if (typeof v === 'string') {
      if (!isStorableText(v)) return { kind: 'text', field: path };
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v) || Math.abs(v) > Number.MAX_SAFE_INTEGER)
        return { kind: 'number', field: path };
    } else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        const itemPath = `${path}/${isStorableText(key) ? key : '?'}`;
        if (!isStorableText(key)) return { kind: 'text', field: itemPath };
        stack.push({ value: item, path: itemPath });
      }
    }
  }
  return null;
}

const refuse = (problem: Problem) =>
  appError(problem.kind === 'text' ? 'INPUT_TEXT_INVALID' : 'INPUT_NUMBER_OUT_OF_RANGE', {
    field: problem.field,
  });

/**
 * The request is checked whole at the boundary, before any hook or use case sees it: JSON bodies must be valid
 * UTF-8 (decoded strictly, not with replacement characters), and no string in the body, query or path may hold a
 * NUL or an unpaired surrogate, nor any number lie beyond what a field can hold. Other body types than JSON and
 * multipart (the uploads) are refused; no route reads them.
 */
export function installStrictInput(app: FastifyInstance) {
  const parseJson = app.getDefaultJsonParser('error', 'ignore');
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      return done(appError('INPUT_TEXT_INVALID', { field: 'body' }), undefined);
    }
    parseJson(request, text, (error, parsed) => {
      if (error) return done(error, undefined);
      const problem = findUnstorable(parsed, 'body');
      return problem ? done(refuse(problem), undefined) : done(null, parsed);
    });
  });
  app.addHook('preValidation', async (request) => {
    const problem = findUnstorable(request.params, 'path') ?? findUnstorable(request.query, 'query');
    if (problem) throw refuse(problem);
  });
}

/**
 * Query strings and path parameters arrive as text, so their numbers and arrays are coerced; a JSON body already
 * carries its types, and is validated as sent: `true` is not 1 fen and `null` is not `false`.
 */
export function strictBodies(build: BuildValidator): BuildValidator {
  return (externalSchemas, options) => {
    const coercing = build(externalSchemas, options);
    // Fastify's options are Ajv's (not JTD's): the same customOptions, with coercion off.
    const exact = build(externalSchemas, {
      ...options,
      customOptions: { ...options?.customOptions, coerceTypes: false },
    } as typeof options);
    return (route) => (route.httpPart === 'body' ? exact : coercing)(route);
  };
}
