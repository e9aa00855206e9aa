import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../deps.ts';
import { listInbox } from '../../../use-cases/inbox/list-inbox.ts';
import { markInboxRead } from '../../../use-cases/inbox/mark-inbox-read.ts';
import { signedIn } from '../request-context.ts';

const InboxItem = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  caseId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  readAt: Type.Union([Type.String(), Type.Null()]),
});
const InboxResponse = Type.Object({ items: Type.Array(InboxItem), unread: Type.Integer() });
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export function inboxRoutes(app: FastifyInstance, deps: Deps) {
  app.get(
    '/api/inbox',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['inbox'], summary: 'My inbox', response: { 200: InboxResponse } },
    },
    async (request) => listInbox(deps, signedIn(request)),
  );
  app.post<{ Params: { id: string } }>(
    '/api/inbox/:id/read',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['inbox'], summary: 'Mark an item read', params: IdParams },
    },
    async (request, reply) => {
      await markInboxRead(deps, signedIn(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
