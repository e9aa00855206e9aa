import { request } from './client.ts';

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  organizationName: string | null;
  disabled: boolean;
  roles: string[];
}

export interface AuditRecord {
  seq: number;
  at: string;
  requestId: string | null;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: 'success' | 'failure' | 'denied';
  details: Record<string, unknown>;
  hash: string;
}

export interface ChainVerdict {
  ok: boolean;
  records: number;
  lastHash?: string;
  brokenSeq?: number;
  reason?: string;
}

export interface AuditQuery {
  action?: string;
  actorUserId?: string;
  targetId?: string;
  beforeSeq?: number;
  limit?: number;
}

const enc = encodeURIComponent;

export const listUsers = () => request<{ items: AdminUser[] }>('/api/admin/users');

export const setUserRoles = (userId: string, roles: string[]) =>
  request<{ userId: string; roles: string[] }>(`/api/admin/users/${enc(userId)}/roles`, {
    method: 'PUT',
    body: { roles },
    silent: true,
  });

export function listAudit(query: AuditQuery) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const text = params.toString();
  return request<{ items: AuditRecord[] }>(`/api/audit${text ? `?${text}` : ''}`);
}

export const verifyAudit = () => request<ChainVerdict>('/api/audit/verify', { method: 'POST' });
