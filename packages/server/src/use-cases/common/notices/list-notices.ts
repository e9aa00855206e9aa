import type { Deps, SignedInContext } from '../../../deps.ts';

export async function listNotices(deps: Deps, ctx: SignedInContext, limit = 50) {
  const rows = await deps.db
    .selectFrom('user_notices')
    .selectAll()
    .where('user_id', '=', ctx.actor.userId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  const unread = await deps.db
    .selectFrom('user_notices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', ctx.actor.userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      caseId: r.case_id,
      createdAt: new Date(r.created_at).toISOString(),
      readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
    })),
    unread: Number(unread.n),
  };
}
