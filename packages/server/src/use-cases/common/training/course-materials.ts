import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../../adapters/db/schema.ts';
import type { TrainingMaterialsTable } from '../../../adapters/db/training-schema.ts';

export interface CourseMaterial {
  id: string;
  title: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  uploadedAt: string;
  /** Whether the reader may download it: the course's trainees and the people who oversee it. */
  available: boolean;
}

export const presentMaterial = (
  row: Selectable<TrainingMaterialsTable>,
  available: boolean,
): CourseMaterial => ({
  id: row.id,
  title: row.title,
  fileName: row.file_name,
  mime: row.mime,
  size: row.size_bytes,
  sha256: row.sha256,
  uploadedAt: new Date(row.uploaded_at).toISOString(),
  available,
});

/** The files a course offers now, oldest first. */
export function currentMaterials(db: Kysely<DB>, courseId: string) {
  return db
    .selectFrom('training_materials')
    .selectAll()
    .where('course_id', '=', courseId)
    .where('removed_at', 'is', null)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
}
