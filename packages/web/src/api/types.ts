/**
 * Names for the API's shapes, all taken from `generated/openapi.ts` (generated from the server's route schemas:
 * `npm run api:types`), so the client cannot drift from what the server sends.
 */
import type { components, paths } from './generated/openapi.ts';

type Schemas = components['schemas'];

/** The JSON body a path's method takes. */
type RequestBody<P extends keyof paths, M extends 'post' | 'put'> = paths[P] extends {
  [K in M]: { requestBody?: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

/** The JSON a path's method answers with on success (200). */
export type JsonResponse<P extends keyof paths, M extends 'get' | 'post' | 'put'> = paths[P] extends {
  [K in M]: { responses: { 200: { content: { 'application/json': infer R } } } };
}
  ? R
  : never;

export type Platform = 'court' | 'mediation';

export type Health = Schemas['Health'];
export type Me = Schemas['Me'];
/** Sign-in and registration answer like /api/me. */
export type LoginResponse = Me;
export type RegisterInput = RequestBody<'/api/auth/register', 'post'>;

export type InboxItem = Schemas['Notice'];
export type Inbox = Schemas['Notices'];

export type OrganizationKind = 'firm' | 'mediation';
export type Organization = Schemas['Organization'];
export type Mediator = Schemas['Mediator'];
export type Consent = Schemas['Consent'];
export type Upload = Schemas['Upload'];

export type CaseSummary = Schemas['CaseSummary'];
export type CaseList = Schemas['CaseList'];
export type CaseDetail = Schemas['CaseDetail'];
export type Deadline = NonNullable<CaseSummary['nextDeadline']>;
export type TimelineEntry = CaseDetail['timeline'][number];
export type CaseMessage = Schemas['CaseMessage'];
export type RecordEntry = Schemas['RecordEntry'];
export type Agreement = Schemas['Agreement'];
export type AgreementSignature = Agreement['signatures'][number];
export type AgreementPayment = Agreement['payments'][number];
export type CreateCaseInput = RequestBody<'/api/cases', 'post'>;
export type UpdateDraftInput = RequestBody<'/api/cases/{id}/draft', 'post'>;

type CaseSubPath<P> = P extends `/api/cases/{id}/${infer Rest}`
  ? Rest extends `sessions${string}`
    ? never
    : Rest
  : never;
/** Event names accepted by POST /api/cases/:id/{event}: every case sub-path that answers the case. */
export type CaseEvent = Exclude<
  CaseSubPath<keyof paths>,
  'messages' | 'record' | 'applicant/reveal' | 'agreement.pdf' | 'draft' | 'confirmation' | 'survey'
>;
/** Bodies per event, without `expectedVersion` (the client adds it). */
export type CaseEventBodies = {
  [E in CaseEvent]: Omit<RequestBody<`/api/cases/{id}/${E}`, 'post'>, 'expectedVersion'>;
};

export type DocumentVerification = Schemas['DocumentVerification'];
export type VerifyResult = Schemas['AgreementVerification'];
export type ReportVerification = Schemas['LossReportVerification'];
export type VerifySignature = VerifyResult['signatures'][number];
