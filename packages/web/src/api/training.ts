import { request } from './client.ts';
import type { components, paths } from './generated/openapi.ts';

/** Joint training's shapes, from the generated API types. */
export type CourseList = components['schemas']['TrainingCourseList'];
export type CourseListItem = CourseList['items'][number];
export type Course = components['schemas']['TrainingCourse'];
export type Enrollment = Course['enrollments'][number];
export type CourseMaterial = components['schemas']['TrainingMaterial'];
export type MyTraining = components['schemas']['MyTraining'];
export type Standing = components['schemas']['TrainingStanding'];
export type TrainingRoster = components['schemas']['TrainingRoster'];
export type Requirements = components['schemas']['TrainingRequirements'];
export type TrainingStatistics = components['schemas']['TrainingStatistics'];
export type CourseDraft = NonNullable<
  paths['/api/training/courses']['post']['requestBody']
>['content']['application/json'];
export type AttendanceMark = NonNullable<
  paths['/api/training/courses/{id}/attendance']['put']['requestBody']
>['content']['application/json']['marks'][number];
export type RequirementInput = NonNullable<
  paths['/api/training/requirements']['put']['requestBody']
>['content']['application/json'];

const enc = encodeURIComponent;

export const listCourses = () => request<CourseList>('/api/training/courses');
export const getCourse = (id: string) => request<Course>(`/api/training/courses/${enc(id)}`);
/** Silent: the form shows a refused course beside its fields. */
export const createCourse = (draft: CourseDraft) =>
  request<Course>('/api/training/courses', { body: draft, silent: true });
export const enroll = (id: string) =>
  request<Course>(`/api/training/courses/${enc(id)}/enrollment`, { method: 'POST', body: {} });
export const withdraw = (id: string) =>
  request<Course>(`/api/training/courses/${enc(id)}/enrollment`, { method: 'DELETE' });
export const recordAttendance = (id: string, marks: AttendanceMark[]) =>
  request<Course>(`/api/training/courses/${enc(id)}/attendance`, { method: 'PUT', body: { marks } });
export const changeCourseStatus = (id: string, event: 'complete' | 'cancel', expectedVersion: number) =>
  request<Course>(`/api/training/courses/${enc(id)}/status`, { body: { event, expectedVersion } });
/** A plain link, so the browser downloads the PDF with the session cookie. */
export const certificateUrl = (courseId: string, userId?: string) =>
  `/api/training/courses/${enc(courseId)}/certificate.pdf${userId ? `?userId=${enc(userId)}` : ''}`;
/** Silent: the materials card shows a refused file beside the upload button. */
export function addCourseMaterial(courseId: string, file: File): Promise<CourseMaterial> {
  const form = new FormData();
  form.append('file', file, file.name);
  return request<CourseMaterial>(`/api/training/courses/${enc(courseId)}/materials`, {
    method: 'POST',
    body: form,
    silent: true,
  });
}
export const removeCourseMaterial = (courseId: string, materialId: string) =>
  request<Course>(`/api/training/courses/${enc(courseId)}/materials/${enc(materialId)}`, {
    method: 'DELETE',
  });
/** A plain link: the browser downloads the file with the session cookie. */
export const courseMaterialUrl = (courseId: string, materialId: string) =>
  `/api/training/courses/${enc(courseId)}/materials/${enc(materialId)}`;
export const myTraining = () => request<MyTraining>('/api/training/me');
export const trainingRoster = () => request<TrainingRoster>('/api/training/roster');
export const listRequirements = () => request<Requirements>('/api/training/requirements');
export const setRequirement = (input: RequirementInput) =>
  request<Requirements>('/api/training/requirements', { method: 'PUT', body: input, silent: true });
export const trainingStatistics = (year: number) =>
  request<TrainingStatistics>(`/api/training/statistics?year=${year}`);
export type Organizers = components['schemas']['TrainingOrganizers'];
export const listOrganizers = () => request<Organizers>('/api/training/organizers');
