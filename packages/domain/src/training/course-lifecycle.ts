/**
 * A course's lifecycle: it is open for enrollment and attendance, then completed (attendance final, certificates
 * issued) or cancelled (before it has anyone's attendance). Both ends are final.
 */
export type CourseStatus = 'open' | 'completed' | 'cancelled';
export type CourseEvent = 'complete' | 'cancel';

export const COURSE_TRANSITIONS: Readonly<Record<CourseStatus, Partial<Record<CourseEvent, CourseStatus>>>> =
  {
    open: { complete: 'completed', cancel: 'cancelled' },
    completed: {},
    cancelled: {},
  };

/** The status an event leads to, or undefined when the event does not apply in that status. */
export const nextCourseStatus = (status: CourseStatus, event: CourseEvent): CourseStatus | undefined =>
  COURSE_TRANSITIONS[status][event];
