import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../../deps.ts';
import { listNotices } from '../../../../use-cases/common/notices/list-notices.ts';
import { markNoticeRead } from '../../../../use-cases/common/notices/mark-notices-read.ts';
import { signedIn } from '../../request-context.ts';

const NoticeItem = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  caseId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  readAt: Type.Union([Type.String(), Type.Null()]),
});
const NoticesResponse = Type.Object({ items: Type.Array(NoticeItem), unread: Type.Integer() });
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export function noticeRoutes(app: FastifyInstance, deps: Deps) {
  app.get(
    '/api/notices',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['notices'], summary: 'My notices', response: { 200: NoticesResponse } },
    },
    async (request) => listNotices(deps, signedIn(request)),
  );
  app.post<{ Params: { id: string } }>(
    '/api/notices/:id/read',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['notices'], summary: 'Mark an item read', params: IdParams },
    },
    async (request, reply) => {
      await markNoticeRead(deps, signedIn(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
