import { appError } from '../errors.ts';
import type { Platform, Role } from '../roles.ts';
import { isHalfHourStep, MAX_COURSE_HOURS_X10 } from './hours.ts';

/** Who may be trained on each platform: mediators and organization staff; judges and court staff. */
export const TRAINEE_ROLES: Readonly<Record<Platform, readonly Role[]>> = {
  mediation: ['mediator', 'org_admin'],
  court: ['judge', 'filing_officer'],
};

/** The trainee role someone is counted under: the first of theirs in the platform's list (a mediator who also
 * administers counts as a mediator). */
export function primaryTraineeRole(platform: Platform, roles: readonly Role[]): Role | undefined {
  return TRAINEE_ROLES[platform].find((r) => roles.includes(r));
}

/** The organizations that may co-organize a joint course (联合培训): courts and mediation organizations. */
export const ORGANIZER_KINDS = ['court', 'mediation', 'workstation'] as const;

export type CourseMode = 'online' | 'in_person';

export interface CourseInput {
  title: string;
  startsAt: string;
  endsAt: string;
  hours: number;
  mode: CourseMode;
  location: string;
  audience: readonly string[];
  capacity?: number | null | undefined;
}

const invalid = (zh: string, en: string) => appError('TRAINING_COURSE_INVALID', { reason: { zh, en } });

/**
 * A course must last, carry hours in half-hour steps (a course without hours credits nobody), say where it happens
 * (an address in person, a meeting link online) and be open to roles that are trained on this platform.
 */
export function checkCourse(input: CourseInput, platform: Platform): void {
  if (!isHalfHourStep(input.hours, MAX_COURSE_HOURS_X10))
    throw invalid(
      `学时须为 0.5 至 100 之间 0.5 的整数倍（收到 ${input.hours}）`,
      `hours must be a multiple of 0.5 between 0.5 and 100 (got ${input.hours})`,
    );
  const starts = Date.parse(input.startsAt);
  const ends = Date.parse(input.endsAt);
  if (!Number.isFinite(starts) || !Number.isFinite(ends))
    throw invalid('开始和结束时间须为有效时间', 'start and end must be valid times');
  if (ends <= starts) throw invalid('结束时间须晚于开始时间', 'the course must end after it starts');
  if (ends - starts > 31 * 86_400_000)
    throw invalid('单次课程不得超过 31 天', 'one course may not last more than 31 days');
  if (!input.location.trim())
    throw invalid(
      input.mode === 'online' ? '线上课程须填写会议链接或平台' : '线下课程须填写地点',
      input.mode === 'online'
        ? 'an online course needs its meeting link'
        : 'an in-person course needs its place',
    );
  const trainees = TRAINEE_ROLES[platform];
  if (input.audience.length === 0 || input.audience.some((role) => !trainees.includes(role as Role)))
    throw invalid(
      `培训对象须为本平台的 ${trainees.join('、')}`,
      `the audience must be among this platform's ${trainees.join(', ')}`,
    );
  if (input.capacity != null && (!Number.isInteger(input.capacity) || input.capacity < 1))
    throw invalid('名额须为正整数', 'capacity must be a positive whole number');
}
