import type { Deps } from '../../../../deps.ts';
import { platformIdentity } from '../../../../use-cases/docking/platform-identity.ts';
import { receiveMessage } from '../../../../use-cases/docking/receive-message.ts';
import { serveAttachment } from '../../../../use-cases/docking/serve-attachment.ts';
import type { RouteApp } from '../../route-module.ts';
import { binary, replies } from '../common/shared.schemas.ts';
import { AttachmentRequest, EnvelopeBody, PlatformIdentitySchema, ReceiptAnswer } from './docking.schemas.ts';

/** A directory of every organization and mediator fits well under this; anything larger is not a message. */
const MESSAGE_BODY_LIMIT = 8 * 1024 * 1024;

/** What the other platform calls: deliver a signed message (answered with a signed receipt), fetch a file. */
export function peerLinkRoutes(app: RouteApp, deps: Deps) {
  app.post(
    '/api/docking/messages',
    {
      bodyLimit: MESSAGE_BODY_LIMIT,
      config: { access: 'peer' },
      schema: {
        tags: ['docking'],
        summary: 'Receive a signed docking message; answers a signed receipt (422 when rejected)',
        body: EnvelopeBody,
        response: replies({ 200: ReceiptAnswer, 422: ReceiptAnswer }),
      },
    },
    async (request, reply) => {
      const answer = await receiveMessage(deps, request.body);
      return reply.status(answer.status).send({ receipt: answer.receipt });
    },
  );
  app.post(
    '/api/docking/attachments',
    {
      config: { access: 'peer' },
      schema: {
        tags: ['docking'],
        summary: 'Fetch a file offered for a case (signed request)',
        body: AttachmentRequest,
        response: replies({ 200: binary('application/octet-stream', 'The file') }),
      },
    },
    async (request, reply) => {
      const bytes = await serveAttachment(deps, request.body);
      return reply.type('application/octet-stream').send(bytes);
    },
  );
  app.get(
    '/api/docking/identity',
    {
      config: { access: 'public' },
      schema: {
        tags: ['docking'],
        summary: "This platform's id and public keys, for the other platform's administrator to register",
        response: replies({ 200: PlatformIdentitySchema }),
      },
    },
    async () => platformIdentity(deps),
  );
}
