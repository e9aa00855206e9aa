import type { Deps } from '../../../../deps.ts';
import { fetchPeerAttachment } from '../../../../use-cases/docking/fetch-peer-attachment.ts';
import { listCaseMessages } from '../../../../use-cases/docking/list-case-messages.ts';
import { listLinkProblems } from '../../../../use-cases/docking/list-link-problems.ts';
import { listPeers } from '../../../../use-cases/docking/list-peers.ts';
import { registerPeer } from '../../../../use-cases/docking/register-peer.ts';
import { resolveDivergence } from '../../../../use-cases/docking/resolve-divergence.ts';
import { retireKeyOf } from './retire-key-of.ts';
import { retryDeadLetter } from '../../../../use-cases/docking/retry-dead-letter.ts';
import { attachmentDisposition } from '../../content-disposition.ts';
import { signedIn } from '../../request-context.ts';
import type { RouteApp } from '../../route-module.ts';
import { binary, IdParams, NoContent, replies } from '../common/shared.schemas.ts';
import {
  AttachmentParams,
  CaseMessagesAnswer,
  CaseRefParams,
  LinkProblemsAnswer,
  PeersAnswer,
  RegisteredPeerAnswer,
  RegisterPeerBody,
  ResolveBody,
  RetireKeyBody,
} from './docking.schemas.ts';

/** The link as people see it: peers and keys (system administrator), problems and divergences, a case's messages. */
export function linkAdminRoutes(app: RouteApp, deps: Deps) {
  const tags = ['docking'];
  app.get(
    '/api/docking/peers',
    {
      config: { access: 'signed-in' },
      schema: { tags, summary: 'Registered peers', response: replies({ 200: PeersAnswer }) },
    },
    async (request) => listPeers(deps, signedIn(request)),
  );
  app.post(
    '/api/docking/peers',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Register or update a peer platform and add keys',
        body: RegisterPeerBody,
        response: replies({ 200: RegisteredPeerAnswer }),
      },
    },
    async (request) => registerPeer(deps, signedIn(request), request.body),
  );
  app.post(
    '/api/docking/peers/:id/keys/:keyId/retire',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: "End a peer key's validity (rotation)",
        params: retireKeyOf.params,
        body: RetireKeyBody,
        response: replies({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await retireKeyOf.run(deps, signedIn(request), request.params, request.body);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/docking/problems',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Dead letters, refused messages, divergences',
        response: replies({ 200: LinkProblemsAnswer }),
      },
    },
    async (request) => listLinkProblems(deps, signedIn(request)),
  );
  app.post(
    '/api/docking/dead-letters/:id/retry',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Deliver a dead letter again',
        params: IdParams,
        response: replies({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await retryDeadLetter(deps, signedIn(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/docking/divergences/:id/resolve',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Close a divergence with a resolution',
        params: IdParams,
        body: ResolveBody,
        response: replies({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await resolveDivergence(deps, signedIn(request), {
        id: request.params.id,
        resolution: request.body.resolution,
      });
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/docking/cases/:caseRef/messages',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: "A case's docking messages, both directions, with receipts",
        params: CaseRefParams,
        response: replies({ 200: CaseMessagesAnswer }),
      },
    },
    async (request) => listCaseMessages(deps, signedIn(request), request.params.caseRef),
  );
  app.get(
    '/api/docking/cases/:caseRef/attachments/:sha256',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'A file the other platform sent for this case (fetched once, checked by hash)',
        params: AttachmentParams,
        response: replies({ 200: binary('application/octet-stream', 'The file') }),
      },
    },
    async (request, reply) => {
      const { bytes, attachment } = await fetchPeerAttachment(deps, signedIn(request), request.params);
      return reply
        .type(attachment.mime)
        .header('content-disposition', attachmentDisposition(attachment.name, attachment.name))
        .send(bytes);
    },
  );
}
