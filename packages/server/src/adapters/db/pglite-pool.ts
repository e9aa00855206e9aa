import type { PGlite } from '@electric-sql/pglite';

// PGlite has one connection. Kysely's PostgresDialect wants a pool; this one hands out the single
// connection to one borrower at a time (a query, or a whole transaction), so concurrent transactions
// cannot interleave on it. kysely-pglite does not, and a rolled-back insert was seen committed there.
export class PGlitePool {
  private tail: Promise<void> = Promise.resolve();

  constructor(readonly db: PGlite) {}

  async connect() {
    let release!: () => void;
    const previous = this.tail;
    this.tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    const db = this.db;
    return {
      async query(sql: string, parameters: readonly unknown[]) {
        // Without parameters use the simple protocol, which (like pg) accepts several statements.
        const result =
          parameters.length === 0
            ? (await db.exec(sql)).at(-1)
            : await db.query(sql, parameters as unknown[]);
        const rows = result?.rows ?? [];
        return { command: commandOf(sql), rowCount: result?.affectedRows ?? rows.length, rows };
      },
      release,
    };
  }

  async end() {
    await this.tail;
    await this.db.close();
  }
}

function commandOf(sql: string): string {
  return (/^\s*(\w+)/.exec(sql)?.[1] ?? 'SELECT').toUpperCase();
}
