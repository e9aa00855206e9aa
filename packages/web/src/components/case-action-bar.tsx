import { Alert, App, Button, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, fireCaseEvent, listMediators } from '../api/client.ts';
import type { CaseDetail, CaseEvent, CaseEventBodies, Mediator, Upload } from '../api/types.ts';
import {
  CASE_EVENT,
  DECLINE_REASON,
  FAILURE_REASON,
  labelOf,
  optionsOf,
  REFUSAL_REASON,
  TRACK,
} from '../domain-labels.ts';
import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import { addIsoDays, fenToYuanString, formatFen, parseYuanToFen, todayIso } from '../format.ts';
import { useI18n } from '../i18n/index.ts';
import { type EventField, EVENT_SPECS, isKnownEvent } from './case-events.ts';
import { useCaseText } from './case-text.ts';
import { EvidenceUpload } from './evidence-upload.tsx';

type FormValues = Record<string, unknown>;

const RULE_TYPE: Record<EventField['kind'], 'string' | 'boolean' | 'array' | 'integer'> = {
  days: 'integer',
  text: 'string',
  textarea: 'string',
  select: 'string',
  date: 'string',
  password: 'string',
  yuan: 'string',
  boolean: 'boolean',
  uploads: 'array',
  upload: 'array',
};

/** Turns form values into the event's body: yuan → fen, uploads → ids, blank optionals dropped. */
function toBody(fields: EventField[], values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    switch (field.kind) {
      case 'yuan': {
        const fen = parseYuanToFen(String(value ?? ''));
        if (fen !== null) body[field.name] = fen;
        break;
      }
      case 'uploads': {
        const ids = ((value as Upload[] | undefined) ?? []).map((item) => item.id);
        if (ids.length > 0) body[field.name] = ids;
        break;
      }
      case 'upload': {
        const first = (value as Upload[] | undefined)?.[0];
        if (first) body[field.name] = first.id;
        break;
      }
      case 'boolean':
        if (typeof value === 'boolean') body[field.name] = value;
        break;
      case 'password':
        if (typeof value === 'string' && value) body[field.name] = value;
        break;
      default:
        if (typeof value === 'string' && value.trim()) body[field.name] = value.trim();
    }
  }
  return body;
}

/**
 * Form.Item injects `id`, `value`, `onChange` and aria props into its direct child; they are passed on to the
 * real control here, or the label would not point at it and the value would never reach the form.
 */
function EventFieldInput({
  field,
  mediators,
  refusalReasons,
  min,
  ...control
}: {
  field: EventField;
  mediators: Mediator[];
  /** Only the reasons the law allows for this case (the server's `refusalReasons`). */
  refusalReasons: readonly string[];
  /** The earliest date a date field offers. */
  min?: string;
  id?: string;
  value?: unknown;
  onChange?: (value: unknown) => void;
}) {
  const { t, lang } = useI18n();
  const props = control as object;
  switch (field.kind) {
    case 'textarea':
      return <Input.TextArea {...props} rows={4} maxLength={field.max} showCount={Boolean(field.max)} />;
    case 'text':
      return <Input {...props} maxLength={field.max} />;
    case 'password':
      return <Input.Password {...props} autoComplete="current-password" />;
    case 'date':
      return <Input {...props} type="date" min={min} style={{ maxWidth: 220 }} />;
    case 'yuan':
      return <Input {...props} prefix="¥" inputMode="decimal" style={{ maxWidth: 240 }} placeholder="0.00" />;
    case 'boolean':
      return (
        <Radio.Group
          {...props}
          aria-label={t(field.labelKey)}
          options={[
            { value: true, label: t('event.willing.yes') },
            { value: false, label: t('event.willing.no') },
          ]}
        />
      );
    case 'days':
      return <InputNumber {...props} min={1} max={30} precision={0} aria-label={t(field.labelKey)} />;
    case 'uploads':
      return <EvidenceUpload {...props} />;
    case 'upload':
      return <EvidenceUpload {...props} maxCount={1} buttonText={t('upload.proofButton')} />;
    case 'select': {
      let options: { value: string; label: string }[] = [];
      if (field.options === 'refusal-reason')
        options = optionsOf(REFUSAL_REASON, lang).filter((option) => refusalReasons.includes(option.value));
      if (field.options === 'failure-reason') options = optionsOf(FAILURE_REASON, lang);
      if (field.options === 'decline-reason') options = optionsOf(DECLINE_REASON, lang);
      if (field.options === 'track') options = optionsOf(TRACK, lang);
      if (field.options === 'mediator') {
        options = mediators.map((mediator) => ({
          value: mediator.id,
          label: [
            mediator.displayName,
            mediator.workstation ?? mediator.organizationName,
            mediator.specialties.join('、'),
          ]
            .filter(Boolean)
            .join(' · '),
        }));
      }
      return (
        <Select
          {...props}
          options={options}
          placeholder={t('form.choose')}
          showSearch={field.options === 'mediator' ? { optionFilterProp: 'label' } : false}
        />
      );
    }
  }
}

function EventModal({
  caseDetail,
  event,
  onClose,
  onDone,
  onConflict,
}: {
  caseDetail: CaseDetail;
  event: CaseEvent;
  onClose: () => void;
  onDone: (next: CaseDetail) => void;
  onConflict: () => void;
}) {
  const { t, lang } = useI18n();
  const { pt: ct } = useCaseText();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [mediators, setMediators] = useState<Mediator[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const spec = EVENT_SPECS[event];
  const title = labelOf(CASE_EVENT, event, lang);
  const needsMediators = spec.fields.some((field) => field.options === 'mediator');

  useEffect(() => {
    if (!needsMediators) return;
    listMediators()
      .then((result) => setMediators(result.items))
      .catch(() => {});
  }, [needsMediators]);

  const initialValues: FormValues = {};
  if (event === 'supplement') initialValues.facts = caseDetail.facts;
  if (event === 'record-payment') {
    initialValues.paidAt = todayIso();
    if (caseDetail.agreement) initialValues.amountFen = fenToYuanString(caseDetail.agreement.amountFen);
  }
  if (event === 'draft-agreement') initialValues.paymentTerms = '';

  const submit = async () => {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = toBody(spec.fields, values) as CaseEventBodies[typeof event];
      const next = await fireCaseEvent(caseDetail.id, event, body, caseDetail.version);
      // Choosing is one half of an agreement: say so unless the other side's choice already matched.
      const waiting = event === 'choose-mediator' && next.status === 'accepted';
      const chosen = mediators.find(
        (mediator) => mediator.id === (body as { mediatorId?: string }).mediatorId,
      );
      void message.success(
        waiting
          ? ct('chosenWaiting', { name: chosen?.displayName ?? '' })
          : t('event.done', { action: title }),
      );
      onDone(next);
    } catch (cause) {
      if (cause instanceof ApiError && cause.code === 'CASE_STATE_CONFLICT') {
        void message.warning(cause.message);
        onConflict();
        return;
      }
      setError(cause instanceof ApiError ? cause.message : t('error.generic'));
    } finally {
      setBusy(false);
    }
  };

  const agreement = caseDetail.agreement;
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('event.confirm', { action: title })}
      cancelText={t('form.cancel')}
      okButtonProps={{ danger: spec.tone === 'danger', loading: busy }}
      destroyOnHidden
      width={620}
    >
      {spec.hintKey ? <p>{t(spec.hintKey)}</p> : null}
      {event === 'choose-mediator' ? <p data-testid="choose-hint">{ct('chooseHint')}</p> : null}
      {(event === 'sign-agreement' || event === 'seal-agreement') && agreement ? (
        <Alert
          type="info"
          style={{ marginBottom: 16 }}
          title={t('event.signSummary', {
            amount: formatFen(agreement.amountFen),
            due: agreement.dueDate,
          })}
        />
      ) : null}
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        name={`event-${event}`}
        initialValues={initialValues}
        preserve={false}
      >
        {spec.fields.map((field) => (
          <Form.Item
            key={field.name}
            name={field.name}
            label={t(field.labelKey)}
            extra={field.helpKey ? t(field.helpKey) : undefined}
            valuePropName={field.kind === 'boolean' ? 'value' : undefined}
            rules={[
              ...(field.required
                ? [
                    {
                      required: true,
                      // The rule's type defaults to string; a boolean or a file list would fail that check.
                      type: RULE_TYPE[field.kind],
                      message: t('form.required', { field: t(field.labelKey) }),
                      whitespace: field.kind === 'textarea' || field.kind === 'text',
                    },
                  ]
                : []),
              ...(field.kind === 'yuan'
                ? [
                    {
                      validator: (_: unknown, value: string | undefined) => {
                        if (!value) return Promise.resolve();
                        const fen = parseYuanToFen(value);
                        if (fen === null || fen <= 0)
                          return Promise.reject(new Error(t('apply.amountInvalid')));
                        // The server's rule (AGREEMENT_AMOUNT_EXCEEDS_CLAIM), said before sending.
                        if (event === 'draft-agreement' && fen > caseDetail.claimAmountFen)
                          return Promise.reject(
                            new Error(
                              ct('amountAboveClaim', {
                                amount: formatFen(fen),
                                claim: formatFen(caseDetail.claimAmountFen),
                              }),
                            ),
                          );
                        return Promise.resolve();
                      },
                    },
                  ]
                : []),
              ...(field.kind === 'date' && event === 'draft-agreement'
                ? [
                    {
                      // The server's rule (AGREEMENT_DUE_DATE_IMPLAUSIBLE): from today to three years ahead.
                      validator: (_: unknown, value: string | undefined) => {
                        if (!value) return Promise.resolve();
                        const today = todayIso();
                        const latest = addIsoDays(today, INPUT_LIMITS.agreementDueWithinDays);
                        return value >= today && value <= latest
                          ? Promise.resolve()
                          : Promise.reject(new Error(ct('dueDateRange', { today, latest })));
                      },
                    },
                  ]
                : []),
            ]}
          >
            <EventFieldInput
              field={field}
              mediators={mediators}
              refusalReasons={caseDetail.refusalReasons}
              min={field.kind === 'date' && event === 'draft-agreement' ? todayIso() : undefined}
            />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

/** One button per event the server says this user may fire now (`abilities`). */
export function CaseActionBar({
  caseDetail,
  onChanged,
  onReload,
}: {
  caseDetail: CaseDetail;
  onChanged: (next: CaseDetail) => void;
  onReload: () => void;
}) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState<CaseEvent | null>(null);
  const events = caseDetail.abilities.filter(isKnownEvent);
  if (events.length === 0) return null;

  return (
    <nav aria-label={t('case.actions')} style={{ marginBottom: 16 }}>
      <Space wrap>
        {events.map((event) => {
          const tone = EVENT_SPECS[event].tone;
          return (
            <Button
              key={event}
              type={tone === 'primary' ? 'primary' : 'default'}
              danger={tone === 'danger'}
              onClick={() => setOpen(event)}
              data-event={event}
            >
              {labelOf(CASE_EVENT, event, lang)}
            </Button>
          );
        })}
      </Space>
      {open ? (
        <EventModal
          caseDetail={caseDetail}
          event={open}
          onClose={() => setOpen(null)}
          onDone={(next) => {
            setOpen(null);
            onChanged(next);
          }}
          onConflict={() => {
            setOpen(null);
            onReload();
          }}
        />
      ) : null}
    </nav>
  );
}
