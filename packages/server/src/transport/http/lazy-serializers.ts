import { createRequire } from 'node:module';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';

type SchemaController = NonNullable<FastifyServerOptions['schemaController']>;
type BuildSerializer = NonNullable<NonNullable<SchemaController['compilersFactory']>['buildSerializer']>;
type CompileSerializer = ReturnType<BuildSerializer>;
type Serialize = (data: unknown) => string;

// Fastify's own default response compiler (fast-json-stringify), resolved from fastify's folder so it is the very
// one fastify would use, whatever the hoisting.
const requireFromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));
const defaultSerializers = requireFromFastify(
  '@fastify/fast-json-stringify-compiler',
) as () => BuildSerializer;

/**
 * Response serializers compiled on first use instead of at start-up: compiling all of them eagerly is most of the
 * time the app takes to be ready (~1.7 s of CPU on this project's machines, over half of a start). Once the server
 * listens, the ones not yet used are compiled in the background one per event-loop turn, so a broken schema
 * still shows up in the log within seconds of a start, and early requests do not pay for the compilation.
 */
export function lazySerializers(): {
  schemaController: SchemaController;
  compileAfterListen(app: FastifyInstance): void;
  /** Serializers not compiled yet. */
  pendingCount(): number;
} {
  const pending = new Set<() => void>();
  const buildSerializer: BuildSerializer = (externalSchemas, options) => {
    const compile = defaultSerializers()(externalSchemas, options);
    const lazyCompile: CompileSerializer = (route) => {
      let serialize: Serialize | undefined;
      const compileNow = () => {
        pending.delete(compileNow);
        serialize ??= compile(route) as Serialize;
        return serialize;
      };
      pending.add(compileNow);
      return (data: unknown) => (serialize ?? compileNow())(data);
    };
    return lazyCompile;
  };
  const compileAfterListen = (app: FastifyInstance) => {
    const next = () => {
      const [compileNow] = pending;
      if (!compileNow) return;
      try {
        compileNow();
      } catch (error) {
        app.log.error({ err: error }, 'a response schema does not compile');
      }
      setImmediate(next);
    };
    app.addHook('onListen', async () => void setImmediate(next));
  };
  return {
    schemaController: { compilersFactory: { buildSerializer } },
    compileAfterListen,
    pendingCount: () => pending.size,
  };
}
