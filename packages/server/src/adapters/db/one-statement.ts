import { type Compilable, CompiledQuery } from 'kysely';

/**
 * Several statements sent as one (one round trip): every part but the last becomes a data-modifying CTE, which
 * PostgreSQL runs whether or not it is referenced; the last part is the main statement and gives the rows. The
 * parts' parameters are renumbered. Foreign keys are checked at the end of the statement, so a part may insert
 * rows that reference the main statement's.
 */
export function oneStatement(parts: readonly Compilable[]): CompiledQuery {
  const compiled = parts.map((part) => part.compile());
  if (compiled.length === 1) return compiled[0]!;
  const parameters: unknown[] = [];
  const texts = compiled.map((query) => {
    const offset = parameters.length;
    parameters.push(...query.parameters);
    return query.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
  });
  const main = texts.pop();
  const ctes = texts.map((text, i) => `w${i} as (${text})`).join(', ');
  return CompiledQuery.raw(`with ${ctes} ${main}`, parameters);
}
