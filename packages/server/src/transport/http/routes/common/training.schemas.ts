import { Type } from '@sinclair/typebox';
import { TRAINEE_ROLES } from '@sutiao/domain/training/course-rules.ts';
import { ExpectedVersion, Id, Nullable, component } from './shared.schemas.ts';
import { oneOf } from './statistics-shared.schemas.ts';

const Status = oneOf(['open', 'completed', 'cancelled'] as const);
const Mode = oneOf(['online', 'in_person'] as const);
const Time = Type.String({ format: 'date-time' });
const Hours = Type.Number({ description: 'Hours in half-hour steps (学时)' });
const TraineeRole = oneOf([...TRAINEE_ROLES.mediation, ...TRAINEE_ROLES.court]);

export const CourseDraft = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 120 }),
    summary: Type.Optional(Type.String({ maxLength: 2000 })),
    coOrganizerIds: Type.Optional(Type.Array(Id, { maxItems: 20 })),
    mode: Mode,
    location: Type.String({ maxLength: 300 }),
    startsAt: Time,
    endsAt: Time,
    hours: Hours,
    audience: Type.Array(TraineeRole, { minItems: 1, maxItems: 4 }),
    capacity: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100_000 }))),
  },
  { additionalProperties: false },
);

export const CourseListQuery = Type.Object(
  { status: Type.Optional(Status) },
  { additionalProperties: false },
);

const Named = Type.Object({ id: Type.String(), name: Type.String() });

const courseFields = {
  id: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  organizer: Named,
  coOrganizers: Type.Array(Named),
  joint: Type.Boolean({ description: 'Run with a court or another organization (联合培训)' }),
  mode: Mode,
  location: Type.String(),
  startsAt: Time,
  endsAt: Time,
  hours: Type.Number(),
  audience: Type.Array(Type.String()),
  capacity: Nullable(Type.Integer()),
  enrolled: Type.Integer(),
  status: Status,
  version: Type.Integer(),
  manageable: Type.Boolean({ description: "The reader's organization runs it" }),
};

export const CourseList = component(
  'TrainingCourseList',
  Type.Object({
    items: Type.Array(
      Type.Object({
        ...courseFields,
        mine: Nullable(
          Type.Object({ attendance: Nullable(oneOf(['attended', 'absent'] as const)), hours: Type.Number() }),
        ),
      }),
    ),
  }),
);

const Enrollment = Type.Object({
  userId: Type.String(),
  displayName: Type.String(),
  organizationName: Nullable(Type.String()),
  enrolledAt: Time,
  attendance: Nullable(oneOf(['attended', 'absent'] as const)),
  hours: Type.Number(),
  certificateCode: Nullable(Type.String()),
});

export const CourseMaterial = component(
  'TrainingMaterial',
  Type.Object({
    id: Type.String(),
    title: Type.String(),
    fileName: Type.String(),
    mime: Type.String(),
    size: Type.Integer(),
    sha256: Type.String(),
    uploadedAt: Time,
    available: Type.Boolean({
      description: 'The reader may download it (enrolled, or overseeing the course)',
    }),
  }),
);

export const CourseDetail = component(
  'TrainingCourse',
  Type.Object({
    ...courseFields,
    mine: Nullable(Enrollment),
    enrollments: Type.Array(Enrollment),
    materials: Type.Array(CourseMaterial),
  }),
);

export const MaterialParams = Type.Object({ id: Id, materialId: Id }, { additionalProperties: false });

export const MaterialQuery = Type.Object(
  { title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
  { additionalProperties: false },
);

export const AttendanceBody = Type.Object(
  {
    marks: Type.Array(
      Type.Object(
        { userId: Id, attended: Type.Boolean(), hours: Type.Optional(Hours) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 2000 },
    ),
  },
  { additionalProperties: false },
);

export const CourseStatusBody = Type.Object(
  { event: oneOf(['complete', 'cancel'] as const), ...ExpectedVersion },
  { additionalProperties: false },
);

export const CertificateQuery = Type.Object({ userId: Type.Optional(Id) }, { additionalProperties: false });

const Standing = component(
  'TrainingStanding',
  Type.Object({
    status: oneOf(['met', 'catching-up', 'suspended'] as const),
    assignable: Type.Boolean(),
    graceEnds: Nullable(Type.String()),
    previous: Type.Object({
      year: Type.Integer(),
      required: Type.Number(),
      earned: Type.Number(),
      missing: Type.Number(),
    }),
    current: Type.Object({ year: Type.Integer(), required: Type.Number(), earned: Type.Number() }),
  }),
);

export const MyTraining = component(
  'MyTraining',
  Type.Object({
    role: Type.String(),
    standing: Standing,
    record: Type.Array(
      Type.Object({
        courseId: Type.String(),
        title: Type.String(),
        creditedOn: Type.String(),
        hours: Type.Number(),
        certificateCode: Nullable(Type.String()),
      }),
    ),
  }),
);

export const TrainingRoster = component(
  'TrainingRoster',
  Type.Object({
    items: Type.Array(
      Type.Object({
        userId: Type.String(),
        displayName: Type.String(),
        role: Type.String(),
        organizationId: Type.String(),
        organizationName: Type.String(),
        standing: Standing,
      }),
    ),
  }),
);

export const RequirementBody = Type.Object(
  {
    role: TraineeRole,
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    hours: Hours,
    graceDays: Type.Integer({ minimum: 0, maximum: 366 }),
  },
  { additionalProperties: false },
);

export const Requirements = component(
  'TrainingRequirements',
  Type.Object({
    items: Type.Array(
      Type.Object({
        role: Type.String(),
        year: Type.Integer(),
        hours: Type.Number(),
        graceDays: Type.Integer(),
        setAt: Time,
      }),
    ),
  }),
);

export const TrainingStatisticsQuery = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100 }) },
  { additionalProperties: false },
);

const TrainingFigures = {
  courses: Type.Integer(),
  jointCourses: Type.Integer(),
  trained: Type.Integer(),
  hours: Type.Number(),
  trainees: Type.Integer(),
  metRequirement: Type.Integer(),
};

export const TrainingStatistics = component(
  'TrainingStatistics',
  Type.Object({
    year: Type.Integer(),
    total: Type.Object(TrainingFigures),
    rows: Type.Array(
      Type.Object({ organizationId: Type.String(), organizationName: Type.String(), ...TrainingFigures }),
    ),
  }),
);

export const CertificateVerification = Type.Object({
  valid: Type.Boolean(),
  checks: Type.Object({ content: Type.Boolean(), signature: Type.Boolean(), pdf: Nullable(Type.Boolean()) }),
  traineeName: Type.String(),
  courseTitle: Type.String(),
  organizers: Type.Array(Type.String()),
  hours: Type.String(),
  creditedOn: Type.String(),
  issuedAt: Time,
  digestSm3: Type.String(),
  algorithm: Type.String(),
  keyId: Type.String(),
});

export const Organizers = component(
  'TrainingOrganizers',
  Type.Object({
    items: Type.Array(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        kind: Type.String(),
        parentId: Nullable(Type.String()),
      }),
    ),
  }),
);
