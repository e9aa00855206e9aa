import type { Permission } from '../permission-catalogue.ts';
import type { DirectEvent } from './direct-application-codes.ts';

/**
 * The permission (any one of) an actor must hold to fire each event of lifecycle A. The lifecycle's parties then
 * check participation (own case, the respondent firm, the assigned mediator, the handling organization).
 */
export const DIRECT_EVENT_PERMISSIONS: Readonly<Record<DirectEvent, readonly Permission[]>> = {
  submit: ['case.apply'],
  'request-supplement': ['case.register'],
  supplement: ['case.apply'],
  register: ['case.register'],
  'consult-respondent': ['case.accept'],
  'respondent-reply': ['case.respond'],
  accept: ['case.accept'],
  refuse: ['case.accept'],
  'set-track': ['case.assign'],
  'assign-mediator': ['case.assign'],
  'choose-mediator': ['case.apply', 'case.respond'],
  recuse: ['case.mediate', 'case.assign'],
  'draft-agreement': ['agreement.draft'],
  'sign-agreement': ['agreement.sign'],
  'seal-agreement': ['agreement.seal'],
  fail: ['case.mediate', 'case.supervise'],
  withdraw: ['case.apply'],
  terminate: ['case.terminate'],
  'record-payment': ['payment.record'],
  // Court referrals: the organization signs for or returns them; the link and the scheduler act as system users.
  'sign-for-receipt': ['docking.receive'],
  decline: ['docking.receive'],
  extend: ['case.mediate', 'case.assign'],
  'court-withdraw': [],
  expire: [],
};
