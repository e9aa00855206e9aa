import type { FastifyRequest } from 'fastify';
import { appError } from '@sutiao/domain/errors.ts';

/**
 * The one file of a multipart upload, read whole, from the field `file`. Past `maxBytes` (default: the app's
 * multipart limit) reading rejects with FST_REQ_FILE_TOO_LARGE, which the error handler maps to 413.
 */
export async function readUploadedFile(
  request: FastifyRequest,
  maxBytes?: number,
): Promise<{ filename: string; bytes: Buffer }> {
  if (!request.isMultipart()) {
    throw appError('VALIDATION_FAILED', {
      reason: { zh: '请以 multipart/form-data 上传文件', en: 'send the file as multipart/form-data' },
    });
  }
  const file = await request.file(maxBytes === undefined ? undefined : { limits: { fileSize: maxBytes } });
  if (file?.fieldname !== 'file') {
    throw appError('VALIDATION_FAILED', {
      reason: { zh: '缺少文件字段 file', en: 'missing file field `file`' },
    });
  }
  return { filename: file.filename, bytes: await file.toBuffer() };
}
