import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.ts';
import { recordDenial } from '../../use-cases/common/audit/record-denial.ts';
import { AppError, appError, langFromAcceptLanguage } from '@sutiao/domain/errors.ts';

/** Maps every failure to `{code, message}` in the caller's language; nothing else ever leaves the server. */
export function installErrorHandler(app: FastifyInstance, deps: Deps) {
  app.setErrorHandler(async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appErr = toAppError(error);
    if (appErr.status >= 500) request.log.error({ err: error }, 'request failed');
    if (appErr.code === 'FORBIDDEN' || appErr.code === 'CSRF_INVALID') {
      await recordDenial(deps, request.ctx ?? { actor: null, requestId: request.id }, {
        route: `${request.method} ${request.routeOptions.url ?? request.url}`,
        url: request.url,
        code: appErr.code,
      }).catch((err: unknown) => request.log.error({ err }, 'audit of denial failed'));
    }
    const lang = langFromAcceptLanguage(request.headers['accept-language']);
    // A download can fail after its route chose a type (a stored file found damaged as it streams): answer JSON.
    reply.removeHeader('content-disposition');
    return reply.status(appErr.status).type('application/json; charset=utf-8').send(appErr.toBody(lang));
  });

  app.setNotFoundHandler(async (request, reply) => {
    const lang = langFromAcceptLanguage(request.headers['accept-language']);
    return reply
      .status(404)
      .send(appError('NOT_FOUND', { entity: lang === 'zh' ? '接口' : 'Route' }).toBody(lang));
  });
}

/**
 * Failures Fastify answers before any route or hook runs (Fastify's `frameworkErrors`): a path that does not decode
 * (invalid percent-encoded UTF-8) or a path parameter past the router's length limit. Same `{code, message}` shape.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const appErr =
    error.code === 'FST_ERR_BAD_URL'
      ? appError('INPUT_TEXT_INVALID', { field: 'path' })
      : appError('VALIDATION_FAILED', {
          reason: { zh: '路径参数过长或无效', en: 'a path parameter is too long or invalid' },
        });
  const lang = langFromAcceptLanguage(request.headers['accept-language']);
  return reply
    .status(appErr.status)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(appErr.toBody(lang));
}

function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (error.validation) {
    const reason = error.validation
      .map((v) => `${error.validationContext ?? ''}${v.instancePath || ''} ${v.message ?? ''}`.trim())
      .join('; ');
    return appError('VALIDATION_FAILED', { reason }, error.validation);
  }
  switch (error.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return appError('UPLOAD_TOO_LARGE', { maxMb: 10 });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return appError('VALIDATION_FAILED', { reason: 'unsupported content type' });
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_PROTO_VIOLATION':
    case 'FST_MP_PREMATURE_CLOSE':
      return appError('MULTIPART_MALFORMED');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return appError('VALIDATION_FAILED', { reason: 'body is not valid JSON' });
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return appError('VALIDATION_FAILED', { reason: error.message });
  }
  return appError('INTERNAL');
}
