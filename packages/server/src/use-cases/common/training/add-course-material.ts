import { appError } from '@sutiao/domain/errors.ts';
import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import type { Deps, SignedInContext } from '../../../deps.ts';
import { newId } from '../../../lib/ids.ts';
import { auditUserAct } from '../audit/audit-user-act.ts';
import { cleanFileName } from '../uploads/clean-file-name.ts';
import { detectFileType } from '../uploads/detect-file-type.ts';
import { loadCourse, requireOrganizerOf } from './course-record.ts';
import { type CourseMaterial, presentMaterial } from './course-materials.ts';

/** A course offers at most this many files at a time. */
export const MAX_MATERIALS_PER_COURSE = 30;
const MAX_BYTES = INPUT_LIMITS.evidenceFileMb * 1024 * 1024;

const invalid = (zh: string, en: string) => appError('VALIDATION_FAILED', { reason: { zh, en } });

/**
 * The organizer attaches a file to their course — slides, a handout (PDF, PNG or JPEG by its bytes, ≤ 10 MB) — under
 * a title (the file's name without its extension when none is given), while the course is not cancelled.
 */
export async function addCourseMaterial(
  deps: Deps,
  ctx: SignedInContext,
  input: { courseId: string; title?: string; fileName: string; data: Uint8Array },
): Promise<CourseMaterial> {
  const course = await loadCourse(deps.db, input.courseId);
  requireOrganizerOf(ctx, course);
  if (course.status === 'cancelled') throw appError('TRAINING_COURSE_CLOSED');
  if (input.data.length === 0) throw invalid('文件为空', 'the file is empty');
  if (input.data.length > MAX_BYTES)
    throw appError('UPLOAD_TOO_LARGE', { maxMb: INPUT_LIMITS.evidenceFileMb });
  const mime = detectFileType(input.data);
  if (!mime) throw appError('UPLOAD_TYPE_NOT_ALLOWED');
  const fileName = cleanFileName(input.fileName);
  const title = (input.title ?? fileName.replace(/\.[^.]{1,8}$/, '')).trim();
  if (title.length === 0 || [...title].length > 200) {
    throw invalid('资料标题应为 1–200 个字符', 'the title must have 1–200 characters');
  }
  // The bytes first: a row never points at a missing file (an orphan file is harmless, stored by its hash).
  const sha256 = await deps.storage.put(input.data);
  const now = deps.now();
  const id = newId();
  const row = await deps.db.transaction().execute(async (trx) => {
    await loadCourse(trx, course.id, true); // one organizer's two uploads are counted one after the other
    const { n } = await trx
      .selectFrom('training_materials')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('course_id', '=', course.id)
      .where('removed_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(n) >= MAX_MATERIALS_PER_COURSE) {
      throw invalid(
        `每门课程最多 ${MAX_MATERIALS_PER_COURSE} 份资料，请先移除不再需要的资料`,
        `a course offers at most ${MAX_MATERIALS_PER_COURSE} files; remove one first`,
      );
    }
    const inserted = await trx
      .insertInto('training_materials')
      .values({
        id,
        course_id: course.id,
        title,
        file_name: fileName,
        mime,
        size_bytes: input.data.length,
        sha256,
        uploaded_by: ctx.actor.userId,
        uploaded_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditUserAct(trx, ctx, now, {
      action: 'training.material.add',
      targetType: 'training_course',
      targetId: course.id,
      details: { materialId: id, title, sha256, size: input.data.length, mime },
    });
    return inserted;
  });
  return presentMaterial(row, true);
}
