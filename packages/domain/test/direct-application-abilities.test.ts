import { describe, expect, it } from 'vitest';
import { dueDate } from '../src/lifecycles/deadline-rules.ts';
import { DIRECT_APPLICATION } from '../src/lifecycles/direct-application.ts';
import type { DirectCaseFacts } from '../src/lifecycles/direct-application-context.ts';
import type { DirectState } from '../src/lifecycles/direct-application-codes.ts';
import { TRACK_MEDIATION_PERIODS } from '../src/lifecycles/direct-application-deadlines.ts';
import { availableEvents, fire } from '../src/lifecycles/state-machine.ts';
import { prcWorkingDays } from '../src/calendar/working-days.ts';
import type { Actor } from '../src/permissions.ts';
import { ACTORS, context } from './direct-application-fixtures.ts';

const A = DIRECT_APPLICATION;
const abilities = (state: DirectState, actor: Actor, facts: Partial<DirectCaseFacts> = {}) =>
  availableEvents(A, state, context(actor, facts));

describe('abilities per role', () => {
  it('draft: only the applicant side acts', () => {
    expect(abilities('draft', ACTORS.investor)).toEqual(['submit', 'withdraw']);
    expect(abilities('draft', ACTORS.agent)).toEqual(['submit', 'withdraw']);
    expect(abilities('draft', ACTORS.orgAdmin)).toEqual([]);
    expect(abilities('draft', ACTORS.respondent)).toEqual([]);
    expect(abilities('draft', ACTORS.otherInvestor)).toEqual([]);
  });

  it('submitted and registered: the organization works the file', () => {
    expect(abilities('submitted', ACTORS.orgAdmin)).toEqual(['request-supplement', 'register', 'terminate']);
    expect(abilities('submitted', ACTORS.investor)).toEqual(['withdraw']);
    expect(abilities('needs_supplement', ACTORS.investor)).toEqual(['supplement', 'withdraw']);
    expect(abilities('registered', ACTORS.orgAdmin)).toEqual(['consult-respondent', 'refuse', 'terminate']);
  });

  it('consulting: the respondent replies; accept only when willing or bound', () => {
    expect(abilities('consulting', ACTORS.respondent)).toEqual(['respondent-reply']);
    expect(abilities('consulting', ACTORS.respondent, { respondentReply: 'willing' })).toEqual([]);
    expect(abilities('consulting', ACTORS.otherFirmStaff)).toEqual([]);
    expect(abilities('consulting', ACTORS.orgAdmin)).toEqual(['refuse', 'terminate']);
    expect(abilities('consulting', ACTORS.orgAdmin, { respondentReply: 'willing' })).toEqual([
      'accept',
      'refuse',
      'terminate',
    ]);
    expect(
      abilities('consulting', ACTORS.orgAdmin, {
        respondentIsSecuritiesFirm: true,
        applicantIsOrdinaryInvestor: true,
      }),
    ).toEqual(['accept', 'refuse', 'terminate']);
  });

  it('accepted: track first, then a mediator is assigned or chosen', () => {
    expect(abilities('accepted', ACTORS.orgAdmin, { track: null })).toEqual(['set-track', 'terminate']);
    expect(abilities('accepted', ACTORS.investor, { track: null })).toEqual(['withdraw']);
    expect(abilities('accepted', ACTORS.orgAdmin)).toEqual(['set-track', 'assign-mediator', 'terminate']);
    expect(abilities('accepted', ACTORS.investor)).toEqual(['choose-mediator', 'withdraw']);
    expect(abilities('accepted', ACTORS.respondent)).toEqual(['choose-mediator']);
    expect(abilities('accepted', ACTORS.mediator)).toEqual([]);
  });

  it('mediating: the assigned mediator mediates; others cannot', () => {
    expect(abilities('mediating', ACTORS.mediator)).toEqual(['recuse', 'draft-agreement', 'fail']);
    expect(abilities('mediating', ACTORS.otherMediator)).toEqual([]);
    expect(abilities('mediating', ACTORS.orgAdmin)).toEqual(['recuse', 'fail', 'terminate']);
    expect(abilities('mediating', ACTORS.investor)).toEqual(['withdraw']);
  });

  it('agreement_pending: each party signs once; the organization seals when all signed', () => {
    const signatures = { investor: true, respondent: false, mediator: false };
    expect(abilities('agreement_pending', ACTORS.investor, { signatures })).toEqual(['withdraw']);
    expect(abilities('agreement_pending', ACTORS.respondent, { signatures })).toEqual(['sign-agreement']);
    expect(abilities('agreement_pending', ACTORS.mediator, { signatures })).toEqual([
      'sign-agreement',
      'fail',
    ]);
    expect(abilities('agreement_pending', ACTORS.orgAdmin, { signatures })).toEqual(['fail', 'terminate']);
    const all = { investor: true, respondent: true, mediator: true };
    expect(abilities('agreement_pending', ACTORS.orgAdmin, { signatures: all })).toEqual([
      'seal-agreement',
      'fail',
      'terminate',
    ]);
  });

  it('agreement_effective: payment may be recorded; terminal states offer nothing', () => {
    expect(abilities('agreement_effective', ACTORS.respondent)).toEqual(['record-payment']);
    expect(abilities('agreement_effective', ACTORS.investor)).toEqual(['record-payment']);
    expect(abilities('agreement_effective', ACTORS.regulator)).toEqual([]);
    for (const state of A.terminalStates) {
      for (const actor of Object.values(ACTORS)) expect(abilities(state, actor)).toEqual([]);
    }
  });

  it('regulators and other organizations never act on the case', () => {
    for (const state of A.states) {
      for (const actor of [
        ACTORS.regulator,
        ACTORS.otherOrgAdmin,
        ACTORS.otherInvestor,
        ACTORS.otherMediator,
      ]) {
        expect(abilities(state, actor)).toEqual([]);
      }
    }
  });
});

describe('parties', () => {
  it('FORBIDDEN when the actor is not the right party of this case', () => {
    expect(fire(A, 'draft', 'submit', context(ACTORS.otherInvestor))).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(fire(A, 'submitted', 'register', context(ACTORS.otherOrgAdmin))).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(
      fire(A, 'consulting', 'respondent-reply', context(ACTORS.otherFirmStaff, {}, { willing: true })),
    ).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(fire(A, 'mediating', 'fail', context(ACTORS.otherMediator, {}, { reasonCode: 'other' }))).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(fire(A, 'draft', 'submit', context(ACTORS.agent, { agentUserId: null }))).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('roles only count on the mediation platform', () => {
    const courtInvestor: Actor = { ...ACTORS.investor, platform: 'court' };
    expect(fire(A, 'draft', 'submit', context(courtInvestor))).toEqual({ ok: false, code: 'FORBIDDEN' });
  });

  it('a mediator without an assignment is nobody on the case', () => {
    expect(abilities('mediating', ACTORS.mediator, { mediatorUserId: null })).toEqual([]);
  });
});

describe('deadlines', () => {
  const due = (result: ReturnType<typeof fire>, start: string) => {
    if (!result.ok || !result.deadline) throw new Error('expected a deadline');
    return dueDate(result.deadline, start, prcWorkingDays);
  };

  it('registration is due the same working day; on a holiday, the next working day', () => {
    const submitted = fire(A, 'draft', 'submit', context(ACTORS.investor));
    expect(submitted).toMatchObject({ deadline: { kind: 'registration' } });
    expect(due(submitted, '2026-03-10')).toBe('2026-03-10');
    expect(due(submitted, '2026-10-03')).toBe('2026-10-08');
  });

  it('consultation within 2 and acceptance within 3 working days', () => {
    const registered = fire(A, 'submitted', 'register', context(ACTORS.orgAdmin));
    expect(due(registered, '2026-09-30')).toBe('2026-10-09');
    const consulting = fire(A, 'registered', 'consult-respondent', context(ACTORS.orgAdmin));
    expect(due(consulting, '2026-02-12')).toBe('2026-02-24');
  });

  it('mediation period follows the track', () => {
    const assign = (track: DirectCaseFacts['track']) =>
      fire(
        A,
        'accepted',
        'assign-mediator',
        context(ACTORS.orgAdmin, { track }, { mediatorId: 'u-mediator' }),
      );
    expect(assign('small-claim')).toMatchObject({ deadline: TRACK_MEDIATION_PERIODS['small-claim'] });
    expect(due(assign('small-claim'), '2026-09-28')).toBe('2026-10-23');
    expect(due(assign('simple'), '2026-01-10')).toBe('2026-02-09');
    expect(due(assign('ordinary'), '2026-01-01')).toBe('2026-03-02');
    expect(due(assign('complex'), '2026-01-01')).toBe('2026-04-01');
  });

  it('sealing starts the payment deadline at the agreement due date', () => {
    const sealed = fire(
      A,
      'agreement_pending',
      'seal-agreement',
      context(ACTORS.orgAdmin, {
        signatures: { investor: true, respondent: true, mediator: true },
        agreementDueDate: '2026-06-30',
      }),
    );
    expect(sealed).toMatchObject({ ok: true, to: 'agreement_effective', keepDeadline: false });
    expect(due(sealed, '2026-05-01')).toBe('2026-06-30');
  });

  it('self-transitions keep the running deadline; endings clear it', () => {
    expect(fire(A, 'accepted', 'set-track', context(ACTORS.orgAdmin, {}, { track: 'simple' }))).toEqual({
      ok: true,
      to: 'accepted',
      keepDeadline: true,
    });
    expect(fire(A, 'mediating', 'withdraw', context(ACTORS.investor))).toEqual({
      ok: true,
      to: 'withdrawn',
      keepDeadline: false,
    });
  });
});
