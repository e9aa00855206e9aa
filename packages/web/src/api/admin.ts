import { request } from './client.ts';
import type { paths } from './generated/openapi.ts';
import type { JsonResponse } from './types.ts';

/** Accounts, roles and the audit trail; shapes from the generated API types. */
export type AdminUser = JsonResponse<'/api/admin/users', 'get'>['items'][number];
export type AuditRecord = JsonResponse<'/api/audit', 'get'>['items'][number];
export type ChainVerdict = JsonResponse<'/api/audit/verify', 'post'>;
export type AuditQuery = NonNullable<paths['/api/audit']['get']['parameters']['query']>;

const enc = encodeURIComponent;

export const listUsers = () => request<JsonResponse<'/api/admin/users', 'get'>>('/api/admin/users');

export const setUserRoles = (userId: string, roles: string[]) =>
  request<JsonResponse<'/api/admin/users/{id}/roles', 'put'>>(`/api/admin/users/${enc(userId)}/roles`, {
    method: 'PUT',
    body: { roles },
    silent: true,
  });

export type CreateUserInput = NonNullable<
  paths['/api/admin/users']['post']['requestBody']
>['content']['application/json'];
export type CreatedUser = JsonResponse<'/api/admin/users', 'post'>;
export type AccessAction = 'disable' | 'enable' | 'unlock';

export const createUser = (input: CreateUserInput) =>
  request<CreatedUser>('/api/admin/users', { body: input, silent: true });

export const setUserAccess = (userId: string, action: AccessAction) =>
  request<JsonResponse<'/api/admin/users/{id}/access', 'post'>>(`/api/admin/users/${enc(userId)}/access`, {
    body: { action },
  });

export function listAudit(query: AuditQuery) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const text = params.toString();
  return request<JsonResponse<'/api/audit', 'get'>>(`/api/audit${text ? `?${text}` : ''}`);
}

export const verifyAudit = () => request<ChainVerdict>('/api/audit/verify', { method: 'POST' });
