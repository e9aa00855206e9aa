import { Type } from '@sinclair/typebox';
import type { Deps } from '../../../../deps.ts';
import { listNotices } from '../../../../use-cases/common/notices/list-notices.ts';
import { markNoticeRead } from '../../../../use-cases/common/notices/mark-notices-read.ts';
import { signedIn } from '../../request-context.ts';
import type { RouteApp } from '../../route-module.ts';
import { component, IdParams, NoContent, Nullable, replies } from './shared.schemas.ts';

const NoticeItem = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  caseId: Nullable(Type.String()),
  createdAt: Type.String(),
  readAt: Nullable(Type.String()),
});
const NoticesResponse = component(
  'Notices',
  Type.Object({ items: Type.Array(component('Notice', NoticeItem)), unread: Type.Integer() }),
);

export function noticeRoutes(app: RouteApp, deps: Deps) {
  app.get(
    '/api/notices',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['notices'], summary: 'My notices', response: replies({ 200: NoticesResponse }) },
    },
    async (request) => listNotices(deps, signedIn(request)),
  );
  app.post(
    '/api/notices/:id/read',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['notices'],
        summary: 'Mark an item read',
        params: IdParams,
        response: replies({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await markNoticeRead(deps, signedIn(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
