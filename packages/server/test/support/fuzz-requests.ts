import fc from 'fast-check';

/** A JSON Schema as the OpenAPI document writes it (TypeBox output, with $ref to components). */
type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};

interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: Schema;
}

/** One operation of an OpenAPI document: what the fuzzer needs to build requests to it. */
export interface Operation {
  method: string;
  /** e.g. /api/cases/{id}/submit */
  path: string;
  parameters: Parameter[];
  /** The JSON body's schema, when the operation takes one. */
  jsonBody: Schema | undefined;
  multipart: boolean;
}

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
}

/** Every operation of the document (the routes a platform serves, as it documents them). */
export function operationsOf(doc: OpenApi): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const content = op.requestBody?.content ?? {};
      ops.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        jsonBody: content['application/json']?.schema,
        multipart: 'multipart/form-data' in content || path.endsWith('/uploads') || /\/files\//.test(path),
      });
    }
  }
  return ops;
}

/** Text no field should take: NUL, unpaired surrogates, controls, bidi marks, very long runs, SQL and path tricks. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udc00y',
    '\u202e',
    "'; drop table cases; --",
    '../../etc/passwd',
    '%00',
    '$' + '{jndi:x}',
    ' ',
    '',
    '\uFEFF',
    '𠀀'.repeat(3000),
    'a'.repeat(70_000),
  ),
);

const hostileNumber = fc.oneof(
  fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31), 2 ** 53, 2 ** 63, 1e21, -0),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Any JSON value, leaning to the hostile. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileText,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileText, tie('value'), { maxKeys: 4 }),
  ),
})).value;

const resolve = (schema: Schema, doc: OpenApi): Schema => {
  if (!schema.$ref) return schema;
  const name = schema.$ref.split('/').pop() ?? '';
  return doc.components?.schemas?.[name] ?? {};
};

const FORMATS: Record<string, fc.Arbitrary<string>> = {
  date: fc
    .date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  'date-time': fc
    .date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  email: fc.emailAddress(),
  uuid: fc.uuid(),
};

/**
 * Values the schema accepts (as far as a generator can tell: patterns through fast-check's stringMatching), with
 * `ids` offered wherever a field looks like an id, so requests reach the use cases and not only the validator.
 */
export function schemaValue(
  schema: Schema,
  doc: OpenApi,
  ids: readonly string[],
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = resolve(schema, doc);
  if (depth > 6) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const union = s.anyOf ?? s.oneOf;
  if (union?.length) return fc.oneof(...union.map((u) => schemaValue(u, doc, ids, name, depth + 1)));
  if (s.allOf?.length) return schemaValue(s.allOf[0] ?? {}, doc, ids, name, depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string': {
      const idLike = /id$/i.test(name) || /Ids$/.test(name) || name === 'code';
      const plain = s.pattern
        ? fc.stringMatching(new RegExp(s.pattern))
        : s.format && FORMATS[s.format]
          ? FORMATS[s.format]!
          : fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 30, 30) });
      return idLike && ids.length ? fc.oneof(fc.constantFrom(...ids), plain) : plain;
    }
    case 'integer': {
      // Unbounded integers go to the limits of what JSON numbers hold exactly (database columns hold less).
      const min =
        s.minimum ?? (s.exclusiveMinimum === undefined ? -Number.MAX_SAFE_INTEGER : s.exclusiveMinimum + 1);
      const max =
        s.maximum ?? (s.exclusiveMaximum === undefined ? Number.MAX_SAFE_INTEGER : s.exclusiveMaximum - 1);
      return fc.oneof(
        fc.integer({
          min: Math.max(min, 0),
          max: Math.max(Math.min(max, Math.max(min, 0) + 20), Math.max(min, 0)),
        }),
        fc.integer({ min, max }),
        fc.constantFrom(min, max, 2 ** 31 - 1, 2 ** 31).filter((n) => n >= min && n <= max),
      );
    }
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schemaValue(s.items ?? {}, doc, ids, name, depth + 1), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 3, 3),
      });
    case 'object': {
      const props = Object.entries(s.properties ?? {});
      if (!props.length) return fc.dictionary(fc.string({ maxLength: 8 }), hostileJson, { maxKeys: 3 });
      const required = new Set(s.required ?? []);
      return fc.record(
        Object.fromEntries(props.map(([key, sub]) => [key, schemaValue(sub, doc, ids, key, depth + 1)])),
        { requiredKeys: props.map(([key]) => key).filter((key) => required.has(key)) },
      );
    }
    default:
      return hostileJson;
  }
}

/** A body close to valid: the schema's value with one field replaced, dropped or added, or something else entirely. */
function bodyOf(op: Operation, doc: OpenApi, ids: readonly string[]): fc.Arbitrary<unknown> {
  const valid = op.jsonBody ? schemaValue(op.jsonBody, doc, ids) : fc.constant({});
  const mutated = fc.tuple(valid, hostileText, hostileJson, fc.nat()).map(([value, key, junk, pick]) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return junk;
    const keys = Object.keys(value);
    const out: Record<string, unknown> = { ...value };
    const target = keys.length ? keys[pick % keys.length]! : key;
    if (pick % 3 === 0) delete out[target];
    else out[pick % 3 === 1 ? target : key] = junk;
    return out;
  });
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 4, arbitrary: mutated },
    { weight: 1, arbitrary: hostileJson },
  );
}

/** Percent-encodes bytes, so a path or query can carry what no string can (invalid UTF-8, NUL, slashes). */
const percentBytes = fc
  .uint8Array({ maxLength: 12 })
  .map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
const encodeText = (text: string) => Buffer.from(text).toString('hex').replace(/../g, '%$&');

function paramOf(p: Parameter, doc: OpenApi, ids: readonly string[]): fc.Arbitrary<string> {
  const typed = schemaValue(p.schema ?? {}, doc, ids, p.name).map((v) =>
    encodeText(typeof v === 'string' ? v : JSON.stringify(v)),
  );
  const real = ids.length ? [fc.constantFrom(...ids)] : [];
  return fc.oneof(
    { weight: 3, arbitrary: fc.oneof(...real, typed) },
    { weight: 1, arbitrary: percentBytes },
    { weight: 1, arbitrary: hostileText.map(encodeText) },
  );
}

/** A request as app.inject takes it. */
export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** Which signed-in actor sends it (an index into the caller's list; the last one means nobody). */
  actor: number;
  /** Whether the CSRF token goes along (unsafe methods need it). */
  csrf: boolean;
}

function multipartBody(): fc.Arbitrary<{ contentType: string; payload: Buffer }> {
  return fc
    .tuple(
      fc.uint8Array({ maxLength: 64 }),
      fc.constantFrom('file', 'other', ''),
      hostileText,
      fc.nat({ max: 4 }),
    )
    .map(([bytes, field, name, variant]) => {
      const boundary = 'fuzzBoundary';
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name.replace(/["\r\n]/g, '')}"\r\nContent-Type: application/pdf\r\n\r\n`;
      const whole = Buffer.concat([
        Buffer.from(head),
        Buffer.from('%PDF-1.4\n'),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      if (variant === 0)
        return {
          contentType: `multipart/form-data; boundary=${boundary}`,
          payload: whole.subarray(0, whole.length >> 1),
        };
      if (variant === 1) return { contentType: 'multipart/form-data', payload: whole };
      if (variant === 2)
        return { contentType: `multipart/form-data; boundary=${boundary}`, payload: Buffer.from(bytes) };
      return { contentType: `multipart/form-data; boundary=${boundary}`, payload: whole };
    });
}

/** Requests to `op`: its path and query filled in, a body near its schema or hostile, sent by one of `actors`. */
export function requestTo(
  op: Operation,
  doc: OpenApi,
  ids: readonly string[],
  actors: number,
): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const path = fc
    .tuple(...pathParams.map((p) => paramOf(p, doc, ids)))
    .map((values) => pathParams.reduce((url, p, i) => url.replace(`{${p.name}}`, values[i] ?? ''), op.path));
  const query = fc
    .tuple(
      fc.tuple(...queryParams.map((p) => fc.option(paramOf(p, doc, ids), { nil: undefined }))),
      fc.option(fc.tuple(hostileText, hostileText), { nil: undefined }),
    )
    .map(([values, extra]) => {
      const pairs = queryParams.flatMap((p, i) =>
        values[i] === undefined ? [] : [`${p.name}=${values[i]}`],
      );
      if (extra) pairs.push(`${encodeText(extra[0])}=${encodeText(extra[1])}`);
      return pairs.length ? `?${pairs.join('&')}` : '';
    });
  const jsonPayload = fc.oneof(
    {
      weight: 8,
      arbitrary: bodyOf(op, doc, ids).map((b) => ({
        contentType: 'application/json',
        payload: Buffer.from(JSON.stringify(b) ?? 'null'),
      })),
    },
    // What JSON.stringify never writes: raw invalid UTF-8, escapes of NUL and lone surrogates, cut-off JSON, huge numbers.
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc
          .uint8Array({ maxLength: 64 })
          .map((b) => ({ contentType: 'application/json', payload: Buffer.from(b) })),
        fc
          .constantFrom(
            '{"a":"\\u0000"}',
            '{"username":"\\ud800","password":"x"}',
            '{"expectedVersion":1e400}',
            '{"x":',
            '[]',
            '"str"',
            '{"__proto__":{"x":1}}',
            '{"constructor":{"prototype":{"x":1}}}',
          )
          .map((t) => ({ contentType: 'application/json', payload: Buffer.from(t) })),
        fc
          .constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'application/json; charset=latin1',
            'application/xml',
          )
          .map((contentType) => ({ contentType, payload: Buffer.from('a=1') })),
      ),
    },
  );
  const payload = op.multipart
    ? fc.oneof(multipartBody(), jsonPayload)
    : op.method === 'GET'
      ? fc.constant(undefined)
      : jsonPayload;
  return fc
    .record({
      path,
      query,
      payload,
      actor: fc.nat({ max: actors }),
      csrf: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x < 0.9),
      lang: fc.constantFrom('zh-CN', 'en'),
    })
    .map(({ path: p, query: q, payload: body, actor, csrf, lang }) => ({
      method: op.method,
      url: `${p}${q}`,
      headers: {
        'accept-language': lang,
        ...(body ? { 'content-type': body.contentType } : {}),
      },
      ...(body ? { payload: body.payload } : {}),
      actor,
      csrf,
    }));
}
