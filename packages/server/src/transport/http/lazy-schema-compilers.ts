import { createRequire } from 'node:module';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';

type SchemaController = NonNullable<FastifyServerOptions['schemaController']>;
type Factories = NonNullable<SchemaController['compilersFactory']>;
type BuildValidator = NonNullable<Factories['buildValidator']>;
type BuildSerializer = NonNullable<Factories['buildSerializer']>;
type Validate = ((data: unknown, dataCxt?: unknown) => unknown) & { errors?: unknown; schemaEnv?: unknown };

// Fastify's own default compilers (Ajv for requests, fast-json-stringify for responses), resolved from fastify's
// folder so they are the very ones fastify would use, whatever the hoisting.
const requireFromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));
const defaultValidators = requireFromFastify('@fastify/ajv-compiler') as () => BuildValidator;
const defaultSerializers = requireFromFastify(
  '@fastify/fast-json-stringify-compiler',
) as () => BuildSerializer;

/**
 * Request validators and response serializers compiled on first use instead of at start-up: compiling all of them
 * eagerly was most of the time the app took to be ready (~2 s of CPU on this project's machines, over half of a
 * start). A second after the server listens, the ones not used yet are compiled in the background, one per turn,
 * so a broken schema still shows in the log within seconds of a start and early requests do not pay for it.
 */
export function lazySchemaCompilers(): {
  schemaController: SchemaController;
  compileAfterListen(app: FastifyInstance): void;
  /** Schemas not compiled yet. */
  pendingCount(): number;
} {
  const pending = new Set<() => unknown>();
  // One of each per server, as Fastify makes them: the validator builder keeps a pool of Ajv instances by options.
  const validators = defaultValidators();
  const serializers = defaultSerializers();
  /** A compiled function on demand: `compile` runs once, on the first call or (a schema's) in the background pass. */
  const deferred = <F>(compile: () => F, isSchema = true) => {
    let compiled: F | undefined;
    const compileNow = (): F => {
      pending.delete(compileNow);
      compiled ??= compile();
      return compiled;
    };
    if (isSchema) pending.add(compileNow);
    return () => compiled ?? compileNow();
  };

  // Note: with a custom factory Fastify treats validators as custom and no longer lower-cases the keys of `headers`
  // schemas; write header names in lower case (no route has a headers schema today).
  const buildValidator: BuildValidator = (externalSchemas, options) => {
    // Creating the Ajv instance is itself ~0.3 s: also on first use.
    const compiler = deferred(() => validators(externalSchemas, options), false);
    return (route) => {
      const validator = deferred(() => compiler()(route) as Validate);
      const validate: Validate = (data, dataCxt) => {
        const ajvValidate = validator();
        const result = ajvValidate(data, dataCxt);
        validate.errors = ajvValidate.errors;
        return result;
      };
      // Fastify passes parentData to validators that have schemaEnv (Ajv's), which lets Ajv coerce a root value.
      validate.schemaEnv = true;
      return validate as ReturnType<ReturnType<BuildValidator>>;
    };
  };

  const buildSerializer: BuildSerializer = (externalSchemas, options) => {
    const compile = serializers(externalSchemas, options);
    return (route) => {
      const serializer = deferred(() => compile(route) as (data: unknown) => string);
      return (data: unknown) => serializer()(data);
    };
  };

  const compileAfterListen = (app: FastifyInstance) => {
    const next = () => {
      const [compileNow] = pending;
      if (!compileNow) return;
      try {
        compileNow();
      } catch (error) {
        app.log.error({ err: error }, 'a request or response schema does not compile');
      }
      setImmediate(next);
    };
    // A second after listening: the first requests and the start-up jobs get the CPU before this pass does.
    app.addHook('onListen', async () => void setTimeout(next, 1000).unref());
  };
  return {
    schemaController: { compilersFactory: { buildValidator, buildSerializer } },
    compileAfterListen,
    pendingCount: () => pending.size,
  };
}
