import type { Deps } from '../../../../deps.ts';
import { addCourseMaterial } from '../../../../use-cases/common/training/add-course-material.ts';
import { courseMaterialFile } from '../../../../use-cases/common/training/course-material-file.ts';
import { removeCourseMaterial } from '../../../../use-cases/common/training/remove-course-material.ts';
import { certificatePdf } from '../../../../use-cases/common/training/certificate-pdf.ts';
import { changeCourseStatus } from '../../../../use-cases/common/training/course-transitions.ts';
import { createCourse } from '../../../../use-cases/common/training/create-course.ts';
import { enroll, withdrawEnrollment } from '../../../../use-cases/common/training/enroll.ts';
import { getCourse } from '../../../../use-cases/common/training/get-course.ts';
import { listRequirements, setRequirement } from '../../../../use-cases/common/training/hour-requirements.ts';
import { listCourses } from '../../../../use-cases/common/training/list-courses.ts';
import { myTraining } from '../../../../use-cases/common/training/my-training.ts';
import { recordAttendance } from '../../../../use-cases/common/training/record-attendance.ts';
import { listOrganizers } from '../../../../use-cases/common/training/training-scope.ts';
import { trainingRoster } from '../../../../use-cases/common/training/training-roster.ts';
import { trainingStatistics } from '../../../../use-cases/common/training/training-statistics.ts';
import { attachmentDisposition } from '../../content-disposition.ts';
import { readUploadedFile } from '../../multipart-file.ts';
import { signedIn } from '../../request-context.ts';
import type { RouteApp } from '../../route-module.ts';
import { binary, IdParams, replies } from './shared.schemas.ts';
import {
  AttendanceBody,
  CertificateQuery,
  CourseDetail,
  CourseDraft,
  CourseList,
  CourseListQuery,
  CourseMaterial,
  CourseStatusBody,
  MaterialParams,
  MaterialQuery,
  MyTraining,
  Organizers,
  RequirementBody,
  Requirements,
  TrainingRoster,
  TrainingStatistics,
  TrainingStatisticsQuery,
} from './training.schemas.ts';

const tags = ['training'];

/** Joint training on both platforms: courses, enrollment, attendance, certificates, hour requirements, the roster. */
export function trainingRoutes(app: RouteApp, deps: Deps) {
  const config = { access: 'signed-in' as const };
  app.get(
    '/api/training/courses',
    {
      config,
      schema: {
        tags,
        summary: 'Courses open to me or run by organizations I oversee',
        querystring: CourseListQuery,
        response: replies({ 200: CourseList }),
      },
    },
    async (request) => listCourses(deps, signedIn(request), request.query),
  );
  app.post(
    '/api/training/courses',
    {
      config,
      schema: {
        tags,
        summary: 'Open a course (alone or jointly with courts and organizations)',
        description:
          '400 TRAINING_COURSE_INVALID (no hours, ends before it starts, no place, wrong audience).',
        body: CourseDraft,
        response: replies({ 201: CourseDetail }),
      },
    },
    async (request, reply) => {
      const created = await createCourse(deps, signedIn(request), request.body);
      return reply.code(201).send(await getCourse(deps, signedIn(request), created.id));
    },
  );
  app.get(
    '/api/training/courses/:id',
    {
      config,
      schema: {
        tags,
        summary: 'One course, my enrollment, and its attendance list for organizers',
        params: IdParams,
        response: replies({ 200: CourseDetail }),
      },
    },
    async (request) => getCourse(deps, signedIn(request), request.params.id),
  );
  app.post(
    '/api/training/courses/:id/enrollment',
    {
      config,
      schema: {
        tags,
        summary: 'Enroll (until the course ends, while it has places)',
        params: IdParams,
        response: replies({ 200: CourseDetail }),
      },
    },
    async (request) => enroll(deps, signedIn(request), request.params.id),
  );
  app.delete(
    '/api/training/courses/:id/enrollment',
    {
      config,
      schema: {
        tags,
        summary: 'Withdraw (until the course starts)',
        params: IdParams,
        response: replies({ 200: CourseDetail }),
      },
    },
    async (request) => withdrawEnrollment(deps, signedIn(request), request.params.id),
  );
  app.put(
    '/api/training/courses/:id/attendance',
    {
      config,
      schema: {
        tags,
        summary: 'Record who attended and their hours (organizer)',
        params: IdParams,
        body: AttendanceBody,
        response: replies({ 200: CourseDetail }),
      },
    },
    async (request) =>
      recordAttendance(deps, signedIn(request), { courseId: request.params.id, marks: request.body.marks }),
  );
  app.post(
    '/api/training/courses/:id/status',
    {
      config,
      schema: {
        tags,
        summary: 'Complete a course (credits hours, issues certificates) or cancel it',
        params: IdParams,
        body: CourseStatusBody,
        response: replies({ 200: CourseDetail }),
      },
    },
    async (request) =>
      changeCourseStatus(deps, signedIn(request), { courseId: request.params.id, ...request.body }),
  );
  app.get(
    '/api/training/courses/:id/certificate.pdf',
    {
      config,
      schema: {
        tags,
        summary: 'My certificate of a completed course (or a trainee’s, for the organizer)',
        params: IdParams,
        querystring: CertificateQuery,
        response: replies({ 200: binary('application/pdf', 'The signed certificate') }),
      },
    },
    async (request, reply) => {
      const { filename, body } = await certificatePdf(deps, signedIn(request), {
        courseId: request.params.id,
        userId: request.query.userId,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', attachmentDisposition('training-certificate.pdf', filename))
        .send(body);
    },
  );
  app.post(
    '/api/training/courses/:id/materials',
    {
      config,
      schema: {
        tags,
        summary:
          'Attach a file to my course (organizer; multipart field `file`, PDF/PNG/JPEG by content, ≤ 10 MB)',
        description:
          '413 UPLOAD_TOO_LARGE; 415 UPLOAD_TYPE_NOT_ALLOWED; 409 TRAINING_COURSE_CLOSED (cancelled); 400 VALIDATION_FAILED (empty, title, more than 30 files).',
        params: IdParams,
        querystring: MaterialQuery,
        consumes: ['multipart/form-data'],
        response: replies({ 201: CourseMaterial }),
      },
    },
    async (request, reply) => {
      const file = await readUploadedFile(request);
      const material = await addCourseMaterial(deps, signedIn(request), {
        courseId: request.params.id,
        ...(request.query.title === undefined ? {} : { title: request.query.title }),
        fileName: file.filename,
        data: file.bytes,
      });
      return reply.code(201).send(material);
    },
  );
  app.get(
    '/api/training/courses/:id/materials/:materialId',
    {
      config,
      schema: {
        tags,
        summary: "Download a course's file (its trainees and the people who oversee the course)",
        description: '403 TRAINING_NOT_ENROLLED for someone who sees the course but is not enrolled in it.',
        params: MaterialParams,
        response: replies({ 200: binary('application/octet-stream', 'The file, as its detected type') }),
      },
    },
    async (request, reply) => {
      const file = await courseMaterialFile(deps, signedIn(request), {
        courseId: request.params.id,
        materialId: request.params.materialId,
      });
      return reply
        .type(file.mime)
        .header('content-length', file.size)
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          attachmentDisposition(`course-material.${file.mime.split('/')[1]}`, file.name),
        )
        .send(file.stream);
    },
  );
  app.delete(
    '/api/training/courses/:id/materials/:materialId',
    {
      config,
      schema: {
        tags,
        summary: 'Withdraw a file from my course (organizer)',
        params: MaterialParams,
        response: replies({ 200: CourseDetail }),
      },
    },
    async (request) => {
      const ctx = signedIn(request);
      await removeCourseMaterial(deps, ctx, {
        courseId: request.params.id,
        materialId: request.params.materialId,
      });
      return getCourse(deps, ctx, request.params.id);
    },
  );
  app.get(
    '/api/training/organizers',
    {
      config,
      schema: {
        tags,
        summary: 'Courts and mediation organizations that may co-organize a joint course',
        response: replies({ 200: Organizers }),
      },
    },
    async (request) => listOrganizers(deps, signedIn(request)),
  );
  app.get(
    '/api/training/me',
    {
      config,
      schema: {
        tags,
        summary: 'My hours against the annual requirement, and my courses',
        response: replies({ 200: MyTraining }),
      },
    },
    async (request) => myTraining(deps, signedIn(request)),
  );
  app.get(
    '/api/training/roster',
    {
      config,
      schema: {
        tags,
        summary: 'Trainees I oversee with their hours, flagged and suspended first',
        response: replies({ 200: TrainingRoster }),
      },
    },
    async (request) => trainingRoster(deps, signedIn(request)),
  );
  app.get(
    '/api/training/requirements',
    {
      config,
      schema: {
        tags,
        summary: 'Annual hour requirements by role and year',
        response: replies({ 200: Requirements }),
      },
    },
    async (request) => listRequirements(deps, signedIn(request)),
  );
  app.put(
    '/api/training/requirements',
    {
      config,
      schema: {
        tags,
        summary:
          'Set a role’s annual hours and grace period for this year or the next (system administrator)',
        description: '400 TRAINING_REQUIREMENT_INVALID (hours not in half hours, a past year).',
        body: RequirementBody,
        response: replies({ 200: Requirements }),
      },
    },
    async (request) => setRequirement(deps, signedIn(request), request.body),
  );
  app.get(
    '/api/training/statistics',
    {
      config,
      schema: {
        tags,
        summary: 'Training per organization for a year',
        querystring: TrainingStatisticsQuery,
        response: replies({ 200: TrainingStatistics }),
      },
    },
    async (request) => trainingStatistics(deps, signedIn(request), request.query),
  );
}
