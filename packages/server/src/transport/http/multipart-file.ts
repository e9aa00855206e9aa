import type { FastifyRequest } from 'fastify';
import { AppError, appError } from '@sutiao/domain/errors.ts';
import { isStorableText } from './strict-input.ts';

/**
 * The one file of a multipart upload, read whole, from the field `file`. Past `maxBytes` (default: the app's
 * multipart limit) reading rejects with UPLOAD_TOO_LARGE (413). A body that can't be read as multipart (no
 * boundary, cut off mid-part, too many parts) is MULTIPART_MALFORMED (400), never a server error.
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
  try {
    const file = await request.file(maxBytes === undefined ? undefined : { limits: { fileSize: maxBytes } });
    if (file?.fieldname !== 'file') {
      throw appError('VALIDATION_FAILED', {
        reason: { zh: '缺少文件字段 file', en: 'missing file field `file`' },
      });
    }
    // The name is stored and shown: the same rule as any other text of a request.
    if (!isStorableText(file.filename)) throw appError('INPUT_TEXT_INVALID', { field: 'file name' });
    return { filename: file.filename, bytes: await file.toBuffer() };
  } catch (error) {
    throw asUploadError(error);
  }
}

function asUploadError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  // The size limit keeps its own answer (413, with the limit), mapped by the error handler.
  if (code === 'FST_REQ_FILE_TOO_LARGE') return error;
  return appError('MULTIPART_MALFORMED');
}
