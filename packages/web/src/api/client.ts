import { langTag } from '../i18n/lang.ts';
import type {
  CaseDetail,
  CaseEvent,
  CaseEventBodies,
  CaseList,
  CaseMessage,
  CreateCaseInput,
  DocumentVerification,
  Health,
  Inbox,
  LoginResponse,
  Me,
  JsonResponse,
  OrganizationKind,
  RecordEntry,
  RegisterInput,
  UpdateDraftInput,
  Upload,
} from './types.ts';

/** An API failure with the server's stable `code` (or a client-side code such as `NETWORK_ERROR`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

/** Codes that mean "you are not signed in (any more)"; PASSWORD_REQUIRED and bad credentials are not among them. */
const SESSION_LOST_CODES = new Set(['AUTH_REQUIRED', 'AUTH_SESSION_EXPIRED']);

let csrfToken: string | null = null;
let notifyError: (message: string) => void = () => {};
let onSessionLost: (code: string) => void = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The app registers how errors are shown (antd message) and what a lost session does (go to login). */
export function configureClient(handlers: {
  notifyError?: (message: string) => void;
  onSessionLost?: (code: string) => void;
}): void {
  if (handlers.notifyError) notifyError = handlers.notifyError;
  if (handlers.onSessionLost) onSessionLost = handlers.onSessionLost;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Do not toast the error; the caller shows it (e.g. inline on a form). */
  silent?: boolean;
  /** Do not treat a 401 as a lost session (login, /api/me probe, public pages). */
  ignoreSessionLoss?: boolean;
  signal?: AbortSignal;
  /** Extra request headers (a recording chunk's x-chunk-sha256). */
  headers?: Record<string, string>;
}

function fallbackMessage(status: number): string {
  const zh = langTag() === 'zh-CN';
  if (status === 0)
    return zh ? '网络连接失败，请检查网络后重试。' : 'Network error. Please check your connection.';
  return zh ? `请求失败（${status}）。` : `Request failed (${status}).`;
}

async function readError(response: Response): Promise<ApiError> {
  let code = `HTTP_${response.status}`;
  let message = fallbackMessage(response.status);
  try {
    const body = (await response.json()) as Partial<{ code: string; message: string }>;
    if (typeof body.code === 'string') code = body.code;
    if (typeof body.message === 'string' && body.message) message = body.message;
  } catch {
    // Not JSON (proxy error page): keep the generic message.
  }
  return new ApiError(response.status, code, message);
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = {
    ...options.headers,
    'Accept-Language': langTag(),
    Accept: 'application/json',
  };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    const error = new ApiError(0, 'NETWORK_ERROR', fallbackMessage(0));
    if (!options.silent) notifyError(error.message);
    throw error;
  }

  if (!response.ok) {
    const error = await readError(response);
    if (response.status === 401 && SESSION_LOST_CODES.has(error.code) && !options.ignoreSessionLoss) {
      onSessionLost(error.code);
    } else if (!options.silent) {
      notifyError(error.message);
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await response.json()) as T;
}

const enc = encodeURIComponent;

// ---- Common ----

export const getHealth = () => request<Health>('/api/health', { silent: true, ignoreSessionLoss: true });

export async function login(username: string, password: string): Promise<LoginResponse> {
  const result = await request<LoginResponse>('/api/auth/login', {
    body: { username, password },
    silent: true,
    ignoreSessionLoss: true,
  });
  setCsrfToken(result.csrfToken);
  return result;
}

/** Investor self-registration (mediation platform); signs the new user in like `login`. */
export async function register(input: RegisterInput): Promise<LoginResponse> {
  const result = await request<LoginResponse>('/api/auth/register', {
    body: input,
    silent: true,
    ignoreSessionLoss: true,
  });
  setCsrfToken(result.csrfToken);
  return result;
}

/** Every other session of the user is signed out; this one stays. */
export const changePassword = (currentPassword: string, newPassword: string) =>
  request<void>('/api/auth/password', { body: { currentPassword, newPassword }, silent: true });

export async function logout(): Promise<void> {
  try {
    await request<void>('/api/auth/logout', { method: 'POST', silent: true, ignoreSessionLoss: true });
  } finally {
    setCsrfToken(null);
  }
}

export async function getMe(): Promise<Me> {
  const me = await request<Me>('/api/me', { silent: true, ignoreSessionLoss: true });
  setCsrfToken(me.csrfToken);
  return me;
}

export const getInbox = () => request<Inbox>('/api/notices', { silent: true });
export const markInboxRead = (id: string) =>
  request<void>(`/api/notices/${enc(id)}/read`, { method: 'POST', body: {} });

// ---- Mediation platform ----

export const listOrganizations = (kind: OrganizationKind) =>
  request<JsonResponse<'/api/organizations', 'get'>>(`/api/organizations?kind=${enc(kind)}`);

export const listMediators = (organizationId?: string) =>
  request<JsonResponse<'/api/mediators', 'get'>>(
    organizationId ? `/api/mediators?organizationId=${enc(organizationId)}` : '/api/mediators',
  );

export const getCurrentConsents = () =>
  request<JsonResponse<'/api/consents/current', 'get'>>('/api/consents/current', { ignoreSessionLoss: true });

export function uploadFile(file: File | Blob, name?: string): Promise<Upload> {
  const form = new FormData();
  form.append('file', file, name ?? (file instanceof File ? file.name : 'upload'));
  return request<Upload>('/api/uploads', { method: 'POST', body: form, silent: true });
}

// Silent: the apply page shows the error once, beside the form.
export const createCase = (input: CreateCaseInput) =>
  request<CaseDetail>('/api/cases', { body: input, silent: true });

export const updateDraft = (id: string, input: UpdateDraftInput) =>
  request<CaseDetail>(`/api/cases/${enc(id)}/draft`, { body: input, silent: true });

interface CaseQuery {
  status?: string;
  page?: number;
  pageSize?: number;
}

export function listCases(query: CaseQuery = {}, signal?: AbortSignal): Promise<CaseList> {
  const params = new URLSearchParams();
  if (query.status) params.set('status', query.status);
  if (query.page) params.set('page', String(query.page));
  if (query.pageSize) params.set('pageSize', String(query.pageSize));
  const qs = params.toString();
  return request<CaseList>(`/api/cases${qs ? `?${qs}` : ''}`, { signal });
}

export const getCase = (id: string, signal?: AbortSignal) =>
  request<CaseDetail>(`/api/cases/${enc(id)}`, { signal, silent: true });

/** Fires a lifecycle event; always sends the version the user saw so a concurrent change yields 409. */
export function fireCaseEvent<E extends CaseEvent>(
  id: string,
  event: E,
  body: CaseEventBodies[E],
  expectedVersion: number,
): Promise<CaseDetail> {
  return request<CaseDetail>(`/api/cases/${enc(id)}/${event}`, {
    body: { ...body, expectedVersion },
    silent: true,
  });
}

export const postCaseMessage = (id: string, body: string) =>
  request<CaseMessage>(`/api/cases/${enc(id)}/messages`, { body: { body } });

export const postCaseRecord = (id: string, body: string) =>
  request<RecordEntry>(`/api/cases/${enc(id)}/record`, { body: { body } });

export const agreementPdfUrl = (id: string) => `/api/cases/${enc(id)}/agreement.pdf`;

/** Any document's code (agreement or loss report); in the query, so a long code is answered, not "no route". */
export const verifyDocument = (code: string) =>
  request<DocumentVerification>(`/api/verify?code=${enc(code)}`, { silent: true, ignoreSessionLoss: true });
