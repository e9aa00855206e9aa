import { describe, expect, it } from 'vitest';
import { DIRECT_APPLICATION } from '../src/lifecycles/direct-application.ts';
import { fire } from '../src/lifecycles/state-machine.ts';
import { ACTORS, context } from './direct-application-fixtures.ts';

const A = DIRECT_APPLICATION;
const bound = { respondentIsSecuritiesFirm: true, applicantIsOrdinaryInvestor: true };

describe('lifecycle A guards', () => {
  it('complete-application: an incomplete application cannot be submitted, supplemented or registered', () => {
    const incomplete = { applicationComplete: false };
    for (const [state, event, actor] of [
      ['draft', 'submit', ACTORS.investor],
      ['needs_supplement', 'supplement', ACTORS.investor],
      ['submitted', 'register', ACTORS.orgAdmin],
    ] as const) {
      expect(fire(A, state, event, context(actor, incomplete))).toEqual({
        ok: false,
        code: 'GUARD_FAILED',
        guard: 'complete-application',
      });
    }
  });

  it('note-given / reason-given need non-blank text', () => {
    expect(
      fire(A, 'submitted', 'request-supplement', context(ACTORS.orgAdmin, {}, { note: '  ' })),
    ).toMatchObject({
      guard: 'note-given',
    });
    expect(fire(A, 'mediating', 'terminate', context(ACTORS.orgAdmin, {}, {}))).toMatchObject({
      guard: 'reason-given',
    });
    expect(fire(A, 'mediating', 'recuse', context(ACTORS.mediator, {}, { reason: '' }))).toMatchObject({
      guard: 'reason-given',
    });
  });

  describe('refusal (不予受理) and 证券法 art. 94', () => {
    const refuse = (facts: object, reasonCode: string) =>
      fire(A, 'consulting', 'refuse', context(ACTORS.orgAdmin, facts, { reasonCode, note: 'n' }));

    it('a securities firm unwilling to mediate cannot make the organization refuse an ordinary investor', () => {
      expect(refuse({ ...bound, respondentReply: 'unwilling' }, 'respondent-unwilling')).toEqual({
        ok: false,
        code: 'GUARD_FAILED',
        guard: 'refusal-allowed',
      });
      expect(refuse({ ...bound, respondentReply: null }, 'respondent-unwilling')).toMatchObject({
        guard: 'refusal-allowed',
      });
    });

    it('other respondents may decline, and a professional investor may be refused', () => {
      expect(refuse({ respondentReply: 'unwilling' }, 'respondent-unwilling')).toMatchObject({ ok: true });
      expect(
        refuse(
          {
            respondentIsSecuritiesFirm: true,
            applicantIsOrdinaryInvestor: false,
            respondentReply: 'unwilling',
          },
          'respondent-unwilling',
        ),
      ).toMatchObject({ ok: true, to: 'not_accepted' });
    });

    it('a willing respondent is no ground for respondent-unwilling', () => {
      expect(refuse({ respondentReply: 'willing' }, 'respondent-unwilling')).toMatchObject({
        guard: 'refusal-allowed',
      });
    });

    it('scope reasons still allow refusing a bound respondent', () => {
      expect(refuse({ ...bound, respondentReply: 'unwilling' }, 'already-litigated')).toMatchObject({
        ok: true,
      });
    });

    it('refusal-reason-coded rejects unknown codes', () => {
      expect(refuse({}, 'because')).toMatchObject({ guard: 'refusal-reason-coded' });
    });
  });

  describe('accept', () => {
    it('needs the respondent to agree unless it is bound', () => {
      const accept = (facts: object) => fire(A, 'consulting', 'accept', context(ACTORS.orgAdmin, facts));
      expect(accept({ respondentReply: 'unwilling' })).toMatchObject({ guard: 'respondent-agrees-or-bound' });
      expect(accept({ respondentReply: null })).toMatchObject({ guard: 'respondent-agrees-or-bound' });
      expect(accept({ respondentReply: 'willing' })).toMatchObject({ ok: true, to: 'accepted' });
      expect(accept({ ...bound, respondentReply: 'unwilling' })).toMatchObject({ ok: true, to: 'accepted' });
    });
  });

  it('respondent replies once, with a yes or no', () => {
    const reply = (facts: object, willing?: boolean) =>
      fire(
        A,
        'consulting',
        'respondent-reply',
        context(ACTORS.respondent, facts, willing === undefined ? {} : { willing }),
      );
    expect(reply({}, false)).toMatchObject({ ok: true, to: 'consulting', keepDeadline: true });
    expect(reply({ respondentReply: 'willing' }, true)).toMatchObject({
      guard: 'respondent-not-yet-replied',
    });
    expect(reply({})).toMatchObject({ guard: 'reply-given' });
  });

  describe('track and mediator', () => {
    it('set-track needs a known track', () => {
      expect(fire(A, 'accepted', 'set-track', context(ACTORS.orgAdmin, {}, { track: 'fast' }))).toMatchObject(
        {
          guard: 'track-valid',
        },
      );
    });

    it('track-set: a mediator can only be assigned once the track is set', () => {
      const ctx = context(ACTORS.orgAdmin, { track: null }, { mediatorId: 'u-mediator' });
      expect(fire(A, 'accepted', 'assign-mediator', ctx)).toMatchObject({ guard: 'track-set' });
    });

    it('mediator-not-recused: a recused mediator cannot be assigned or chosen', () => {
      const facts = { recusedMediatorUserIds: ['u-mediator'] };
      const input = { mediatorId: 'u-mediator' };
      expect(fire(A, 'accepted', 'assign-mediator', context(ACTORS.orgAdmin, facts, input))).toMatchObject({
        guard: 'mediator-not-recused',
      });
      expect(fire(A, 'accepted', 'choose-mediator', context(ACTORS.investor, facts, input))).toMatchObject({
        guard: 'mediator-not-recused',
      });
      expect(fire(A, 'accepted', 'assign-mediator', context(ACTORS.orgAdmin, {}, {}))).toMatchObject({
        guard: 'mediator-not-recused',
      });
    });

    it('choose-mediator moves to mediating once both parties chose the same mediator', () => {
      const first = fire(
        A,
        'accepted',
        'choose-mediator',
        context(ACTORS.investor, {}, { mediatorId: 'm1' }),
      );
      expect(first).toMatchObject({ ok: true, to: 'accepted', keepDeadline: true });
      const agreed = context(
        ACTORS.respondent,
        { mediatorChoices: { investor: 'm1', respondent: null } },
        { mediatorId: 'm1' },
      );
      expect(fire(A, 'accepted', 'choose-mediator', agreed)).toMatchObject({
        ok: true,
        to: 'mediating',
        deadline: { kind: 'mediation', unit: 'calendar-days', count: 60 },
      });
      const differ = context(
        ACTORS.respondent,
        { mediatorChoices: { investor: 'm1', respondent: null } },
        { mediatorId: 'm2' },
      );
      expect(fire(A, 'accepted', 'choose-mediator', differ)).toMatchObject({ ok: true, to: 'accepted' });
    });
  });

  describe('agreement', () => {
    it('agreement-terms-valid needs a positive integer amount, an ISO due date and terms', () => {
      for (const input of [
        { amountFen: 0, dueDate: '2026-03-31', paymentTerms: 'x' },
        { amountFen: 1.5, dueDate: '2026-03-31', paymentTerms: 'x' },
        { amountFen: 100, dueDate: '31/03/2026', paymentTerms: 'x' },
        { amountFen: 100, dueDate: '2026-03-31', paymentTerms: '' },
      ]) {
        expect(fire(A, 'mediating', 'draft-agreement', context(ACTORS.mediator, {}, input))).toMatchObject({
          guard: 'agreement-terms-valid',
        });
      }
    });

    it('no-signatures-yet: a signed agreement cannot be redrafted', () => {
      const input = { amountFen: 100, dueDate: '2026-03-31', paymentTerms: 'x' };
      const facts = { signatures: { investor: true, respondent: false, mediator: false } };
      expect(
        fire(A, 'agreement_pending', 'draft-agreement', context(ACTORS.mediator, facts, input)),
      ).toMatchObject({
        guard: 'no-signatures-yet',
      });
    });

    it('each party signs once and the state stays agreement_pending', () => {
      const signed = { investor: true, respondent: false, mediator: false };
      expect(
        fire(A, 'agreement_pending', 'sign-agreement', context(ACTORS.investor, { signatures: signed })),
      ).toEqual({
        ok: false,
        code: 'GUARD_FAILED',
        guard: 'not-yet-signed-by-this-party',
      });
      expect(
        fire(A, 'agreement_pending', 'sign-agreement', context(ACTORS.agent, { signatures: signed })),
      ).toMatchObject({ guard: 'not-yet-signed-by-this-party' });
      expect(
        fire(A, 'agreement_pending', 'sign-agreement', context(ACTORS.respondent, { signatures: signed })),
      ).toMatchObject({ ok: true, to: 'agreement_pending', keepDeadline: true });
    });

    it('all-parties-signed: sealing needs investor, respondent and mediator signatures', () => {
      for (const missing of ['investor', 'respondent', 'mediator'] as const) {
        const signatures = { investor: true, respondent: true, mediator: true, [missing]: false };
        expect(
          fire(A, 'agreement_pending', 'seal-agreement', context(ACTORS.orgAdmin, { signatures })),
        ).toMatchObject({
          guard: 'all-parties-signed',
        });
      }
    });
  });

  it('failure-reason-coded rejects a missing or unknown code', () => {
    expect(fire(A, 'mediating', 'fail', context(ACTORS.mediator, {}, {}))).toMatchObject({
      guard: 'failure-reason-coded',
    });
    expect(fire(A, 'mediating', 'fail', context(ACTORS.mediator, {}, { reasonCode: 'tired' }))).toMatchObject(
      {
        guard: 'failure-reason-coded',
      },
    );
  });

  describe('record-payment', () => {
    const pay = (paidFen: number, amountFen: number) =>
      fire(
        A,
        'agreement_effective',
        'record-payment',
        context(ACTORS.respondent, { agreementAmountFen: 1_000_000, paidFen }, { amountFen }),
      );
    it('partial payments keep the agreement open; the balance completes performance', () => {
      expect(pay(0, 400_000)).toMatchObject({ ok: true, to: 'agreement_effective' });
      expect(pay(400_000, 600_000)).toMatchObject({ ok: true, to: 'performed' });
    });
    it('payment-amount-valid rejects zero and overpayment', () => {
      expect(pay(0, 0)).toMatchObject({ guard: 'payment-amount-valid' });
      expect(pay(400_000, 600_001)).toMatchObject({ guard: 'payment-amount-valid' });
    });
  });
});
