import type { CaseEvent } from '../api/types.ts';
import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import type { MessageKey } from '../i18n/index.ts';

/** How one body field of a lifecycle event is asked for. */
export interface EventField {
  name: string;
  kind:
    | 'text'
    | 'textarea'
    | 'select'
    | 'date'
    | 'password'
    | 'yuan'
    | 'boolean'
    | 'uploads'
    | 'upload'
    | 'days';
  labelKey: MessageKey;
  required?: boolean;
  options?: 'refusal-reason' | 'failure-reason' | 'decline-reason' | 'track' | 'mediator';
  max?: number;
  helpKey?: MessageKey;
}

interface EventSpec {
  fields: EventField[];
  tone: 'primary' | 'default' | 'danger';
  /** Extra sentence shown above the form. */
  hintKey?: MessageKey;
}

const note = (labelKey: MessageKey, required: boolean): EventField => ({
  name: 'note',
  kind: 'textarea',
  labelKey,
  required,
  max: INPUT_LIMITS.note,
});

const reason = (labelKey: MessageKey, required: boolean): EventField => ({
  ...note(labelKey, required),
  name: 'reason',
});

/** Body forms per event of lifecycle A (docs/journey-api.md). */
export const EVENT_SPECS: Record<CaseEvent, EventSpec> = {
  submit: { fields: [], tone: 'primary', hintKey: 'event.hint.submit' },
  'request-supplement': { fields: [note('event.field.supplementNote', true)], tone: 'default' },
  supplement: {
    fields: [
      { name: 'facts', kind: 'textarea', labelKey: 'event.field.facts', max: INPUT_LIMITS.facts },
      { name: 'evidenceIds', kind: 'uploads', labelKey: 'event.field.evidence', helpKey: 'upload.help' },
    ],
    tone: 'primary',
  },
  register: { fields: [], tone: 'primary', hintKey: 'event.hint.register' },
  // Court referrals (诉前委派 / 诉中委托): answered to the court over the link.
  'sign-for-receipt': { fields: [], tone: 'primary', hintKey: 'event.hint.signForReceipt' },
  decline: {
    fields: [
      {
        name: 'reasonCode',
        kind: 'select',
        options: 'decline-reason',
        labelKey: 'event.field.declineReason',
        required: true,
      },
      note('event.field.note', false),
    ],
    tone: 'danger',
    hintKey: 'event.hint.decline',
  },
  extend: {
    fields: [
      { name: 'days', kind: 'days', labelKey: 'event.field.days', required: true },
      {
        name: 'consent',
        kind: 'textarea',
        labelKey: 'event.field.consent',
        required: true,
        max: INPUT_LIMITS.note,
      },
    ],
    tone: 'default',
    hintKey: 'event.hint.extend',
  },
  'consult-respondent': { fields: [], tone: 'primary', hintKey: 'event.hint.consult' },
  'respondent-reply': {
    fields: [
      { name: 'willing', kind: 'boolean', labelKey: 'event.field.willing', required: true },
      note('event.field.note', false),
    ],
    tone: 'primary',
  },
  accept: { fields: [], tone: 'primary', hintKey: 'event.hint.accept' },
  refuse: {
    fields: [
      {
        name: 'reasonCode',
        kind: 'select',
        options: 'refusal-reason',
        labelKey: 'event.field.reasonCode',
        required: true,
      },
      note('event.field.refuseNote', true),
    ],
    tone: 'danger',
    hintKey: 'event.hint.refuse',
  },
  'set-track': {
    fields: [
      { name: 'track', kind: 'select', options: 'track', labelKey: 'event.field.track', required: true },
    ],
    tone: 'primary',
  },
  'assign-mediator': {
    fields: [
      {
        name: 'mediatorId',
        kind: 'select',
        options: 'mediator',
        labelKey: 'event.field.mediator',
        required: true,
      },
    ],
    tone: 'primary',
  },
  'choose-mediator': {
    fields: [
      {
        name: 'mediatorId',
        kind: 'select',
        options: 'mediator',
        labelKey: 'event.field.mediator',
        required: true,
      },
    ],
    tone: 'default',
  },
  recuse: {
    fields: [reason('event.field.reason', true)],
    tone: 'default',
  },
  'draft-agreement': {
    fields: [
      { name: 'amountFen', kind: 'yuan', labelKey: 'event.field.agreementAmount', required: true },
      {
        name: 'paymentTerms',
        kind: 'textarea',
        labelKey: 'event.field.paymentTerms',
        required: true,
        max: INPUT_LIMITS.paymentTerms,
      },
      { name: 'dueDate', kind: 'date', labelKey: 'event.field.dueDate', required: true },
    ],
    tone: 'primary',
  },
  'sign-agreement': {
    fields: [{ name: 'password', kind: 'password', labelKey: 'event.field.password', required: true }],
    tone: 'primary',
    hintKey: 'event.hint.sign',
  },
  'seal-agreement': {
    fields: [{ name: 'password', kind: 'password', labelKey: 'event.field.password', required: true }],
    tone: 'primary',
    hintKey: 'event.hint.seal',
  },
  fail: {
    fields: [
      {
        name: 'reasonCode',
        kind: 'select',
        options: 'failure-reason',
        labelKey: 'event.field.reasonCode',
        required: true,
      },
      {
        name: 'undisputedFacts',
        kind: 'textarea',
        labelKey: 'event.field.undisputedFacts',
        max: INPUT_LIMITS.undisputedFacts,
        helpKey: 'event.help.undisputedFacts',
      },
    ],
    tone: 'danger',
  },
  withdraw: {
    fields: [reason('event.field.withdrawReason', false)],
    tone: 'danger',
    hintKey: 'event.hint.withdraw',
  },
  terminate: {
    fields: [reason('event.field.reason', true)],
    tone: 'danger',
  },
  'record-payment': {
    fields: [
      { name: 'amountFen', kind: 'yuan', labelKey: 'event.field.paidAmount', required: true },
      { name: 'paidAt', kind: 'date', labelKey: 'event.field.paidAt', required: true },
      { name: 'proofUploadId', kind: 'upload', labelKey: 'event.field.proof', helpKey: 'upload.help' },
    ],
    tone: 'primary',
  },
};

export function isKnownEvent(event: string): event is CaseEvent {
  return Object.hasOwn(EVENT_SPECS, event);
}
