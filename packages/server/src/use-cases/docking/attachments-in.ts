import type { Attachment } from '@sutiao/domain/docking/message-bodies.ts';

const isAttachment = (value: unknown): value is Attachment =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Attachment).sha256 === 'string' &&
  typeof (value as Attachment).sm3 === 'string' &&
  typeof (value as Attachment).mime === 'string';

/** Every attachment a message body names, wherever its schema puts it (lists, an agreement, a court document). */
export function attachmentsIn(body: unknown): Attachment[] {
  if (isAttachment(body)) return [body];
  if (Array.isArray(body)) return body.flatMap(attachmentsIn);
  if (typeof body === 'object' && body !== null) return Object.values(body).flatMap(attachmentsIn);
  return [];
}
