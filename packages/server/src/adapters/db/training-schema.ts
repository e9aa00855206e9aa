import type { Generated } from 'kysely';
import type { Timestamp } from './column-types.ts';

/** Joint training on both platforms (migrations 016, 026). */
export interface TrainingTables {
  training_courses: TrainingCoursesTable;
  training_enrollments: TrainingEnrollmentsTable;
  training_certificates: TrainingCertificatesTable;
  training_requirements: TrainingRequirementsTable;
  training_materials: TrainingMaterialsTable;
}

/** A course's files (migration 026). */
export interface TrainingMaterialsTable {
  id: string;
  course_id: string;
  title: string;
  file_name: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: Timestamp;
  removed_by: string | null;
  removed_at: Timestamp | null;
}

export interface TrainingCoursesTable {
  id: string;
  title: string;
  summary: Generated<string>;
  organizer_id: string;
  co_organizer_ids: string[];
  mode: 'online' | 'in_person';
  location: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  hours_x10: number;
  audience: string[];
  capacity: number | null;
  status: Generated<'open' | 'completed' | 'cancelled'>;
  version: Generated<number>;
  created_by: string;
  created_at: Timestamp;
  closed_at: Timestamp | null;
}

export interface TrainingEnrollmentsTable {
  course_id: string;
  user_id: string;
  enrolled_at: Timestamp;
  attendance: 'attended' | 'absent' | null;
  hours_x10: Generated<number>;
  credited_on: string | null;
  recorded_by: string | null;
  recorded_at: Timestamp | null;
}

export interface TrainingCertificatesTable {
  id: string;
  course_id: string;
  user_id: string;
  verification_code: string;
  content: string;
  digest_sm3: string;
  algorithm: string;
  key_id: string;
  public_key_pem: string;
  signature: string;
  pdf_sha256: string | null;
  pdf_sm3: string | null;
  issued_at: Timestamp;
}

export interface TrainingRequirementsTable {
  role: string;
  year: number;
  hours_x10: number;
  grace_days: number;
  set_by: string | null;
  set_at: Timestamp;
}
