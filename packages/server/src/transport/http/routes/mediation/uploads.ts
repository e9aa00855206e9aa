import { readUploadedFile } from '../../multipart-file.ts';
import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import { Type } from '@sinclair/typebox';
import type { Deps } from '../../../../deps.ts';
import { getUpload } from '../../../../use-cases/mediation/uploads/get-upload.ts';
import { uploadEvidence } from '../../../../use-cases/mediation/uploads/upload-evidence.ts';
import { signedIn } from '../../request-context.ts';
import type { RouteApp } from '../../route-module.ts';
import { binary, component, IdParams, replies } from '../common/shared.schemas.ts';

const UploadResponse = component(
  'Upload',
  Type.Object({
    id: Type.String(),
    sha256: Type.String(),
    name: Type.String(),
    size: Type.Integer(),
    mime: Type.String(),
  }),
);

export function uploadRoutes(app: RouteApp, deps: Deps) {
  app.post(
    '/api/uploads',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['uploads'],
        summary: `Upload evidence (multipart field \`file\`): PDF/PNG/JPEG by content, ≤ ${INPUT_LIMITS.evidenceFileMb} MB`,
        description: '413 UPLOAD_TOO_LARGE; 415 UPLOAD_TYPE_NOT_ALLOWED (type is detected from the bytes).',
        consumes: ['multipart/form-data'],
        response: replies({ 200: UploadResponse }),
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      const file = await readUploadedFile(request);
      return uploadEvidence(deps, ctx, { name: file.filename, data: file.bytes });
    },
  );

  app.get(
    '/api/uploads/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['uploads'],
        summary: 'Download an upload (its owner, or anyone who can see a case it is evidence in)',
        params: IdParams,
        response: replies({ 200: binary('application/octet-stream', 'The file, as its detected type') }),
      },
    },
    async (request, reply) => {
      const file = await getUpload(deps, signedIn(request), request.params.id);
      return reply
        .type(file.mime)
        .header('content-length', file.size)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .send(file.stream);
    },
  );
}
