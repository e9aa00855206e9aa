import type { Kysely } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { newId } from '../../../lib/ids.ts';

export interface SessionChatLine {
  id: string;
  from: string;
  name: string;
  room: string;
  body: string;
  at: string;
}

/**
 * Keeps a line said in a session with the case's messages: the room it was said in, and for a room other than the
 * whole session (a caucus, or those waiting outside it) the people in it, who alone read it afterwards. `db`: the
 * caller's transaction when the line is part of a larger act.
 */
export async function recordSessionChat(
  deps: Deps,
  ctx: SignedInContext,
  input: {
    caseId: string;
    sessionId: string;
    name: string;
    role: string;
    room: string;
    audience: string[] | null;
    body: string;
  },
  db: Kysely<DB> = deps.db,
): Promise<SessionChatLine> {
  const at = deps.now();
  const id = newId();
  await db
    .insertInto('case_messages')
    .values({
      id,
      case_id: input.caseId,
      author_user_id: ctx.actor.userId,
      author_role: input.role,
      author_name: input.name,
      body: input.body,
      created_at: at,
      session_id: input.sessionId,
      room: input.room,
      audience: input.audience,
    })
    .execute();
  return {
    id,
    from: ctx.actor.userId,
    name: input.name,
    room: input.room,
    body: input.body,
    at: at.toISOString(),
  };
}
