import { request } from '../../api/client.ts';
import type { components } from '../../api/generated/openapi.ts';

export type CaseConfirmation = components['schemas']['CaseConfirmation'];
export type ConfirmationApplication = components['schemas']['ConfirmationApplication'];

const enc = encodeURIComponent;

export const getConfirmation = (caseId: string) =>
  request<CaseConfirmation>(`/api/cases/${enc(caseId)}/confirmation`, { silent: true });

/** Silent: the panel shows the refusal (pre-check problems, court not competent) beside the form. */
export const applyForConfirmation = (caseId: string, body: { courtId: string; statement: string }) =>
  request<CaseConfirmation>(`/api/cases/${enc(caseId)}/confirmation`, { body, silent: true });

export type PartyEvent = 'co-confirm' | 'co-decline' | 'withdraw' | 'answer-supplement';

export const fireApplicationEvent = (
  application: Pick<ConfirmationApplication, 'id' | 'version'>,
  event: PartyEvent,
  note: string,
) =>
  request<CaseConfirmation>(`/api/confirmations/${enc(application.id)}/${event}`, {
    body: { expectedVersion: application.version, note },
    silent: true,
  });
