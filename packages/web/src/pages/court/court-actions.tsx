import { Alert, Button, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { COURT_LIMITS, MAX_EXTENSION_DAYS } from '@sutiao/domain/lifecycles/court-referral.ts';
import { addIsoDays, todayIso } from '../../format.ts';
import {
  type CourtCaseDetail,
  type CourtDirectory,
  type CourtJudges,
  fireCourtEvent,
  getCourtDirectory,
  getCourtJudges,
} from './court-api.ts';
import { eventLabel, groundBasis, groundOptions, type Kind, sideLabel } from './court-labels.ts';
import { type CourtTextKey, useCourtText } from './court-text.ts';

interface FormSpec {
  note?: CourtTextKey;
  noteOptional?: boolean;
  fields?:
    | 'delegate'
    | 'entrust'
    | 'extend'
    | 'file'
    | 'document'
    | 'refuse'
    | 'reject'
    | 'judge'
    | 'supplement'
    | 'approval';
  /** A line above the fields saying what the event does. */
  hint?: CourtTextKey;
}

/**
 * What each event asks for, per lifecycle (the two share event names: a delegation's `extend` is not a
 * confirmation's `extend-review`, and `withdraw` means different things); the server checks it again (and says
 * which guard failed, in zh and en).
 */
const REFERRAL_FORMS: Record<string, FormSpec> = {
  'record-consent': { note: 'noteConsent' },
  'record-refusal': { note: 'noteRefusal' },
  withdraw: { note: 'noteWithdraw' },
  recall: { note: 'noteWithdraw' },
  'record-withdrawal': { note: 'noteWithdraw' },
  'refer-confirmation': { note: 'note', noteOptional: true },
  'resume-trial': { note: 'note', noteOptional: true },
  delegate: { fields: 'delegate' },
  entrust: { fields: 'entrust' },
  extend: { note: 'noteExtend', fields: 'extend' },
  file: { fields: 'file' },
  'issue-document': { fields: 'document' },
};

/** Judicial confirmation (lifecycle D): the filing officer decides acceptance, the judge reviews and rules. */
const CONFIRMATION_FORMS: Record<string, FormSpec> = {
  accept: { hint: 'acceptHint' },
  refuse: { fields: 'refuse', note: 'noteOptional', noteOptional: true },
  'assign-judge': { fields: 'judge' },
  'request-supplement': { fields: 'supplement', note: 'supplementQuestions' },
  'record-inquiry': { note: 'inquiryNote' },
  'extend-review': { hint: 'extendHint', note: 'extendNote', fields: 'approval' },
  'supplement-lapsed': { hint: 'lapsedHint', note: 'noteOptional', noteOptional: true },
  confirm: { hint: 'confirmHint', note: 'noteOptional', noteOptional: true },
  reject: { hint: 'rejectHint', fields: 'reject', note: 'noteOptional', noteOptional: true },
};

const formOf = (kind: Kind, event: string): FormSpec =>
  (kind === 'confirmation' ? CONFIRMATION_FORMS : REFERRAL_FORMS)[event] ?? {};

/** Events that end or hand over the case: their buttons are not the primary one. */
const REFERRAL_SECONDARY = new Set([
  'record-refusal',
  'withdraw',
  'recall',
  'record-withdrawal',
  'refer-confirmation',
]);
const SECONDARY: Record<Kind, ReadonlySet<string>> = {
  delegation: REFERRAL_SECONDARY,
  entrustment: REFERRAL_SECONDARY,
  confirmation: new Set(['refuse', 'reject', 'supplement-lapsed']),
};

/** Whom a judge may ask for supplements. */
const SUPPLEMENT_OF = ['investor', 'respondent', 'both'] as const;

function ActionModal({
  detail,
  event,
  onClose,
  onDone,
}: {
  detail: CourtCaseDetail;
  event: string;
  onClose: () => void;
  onDone: (next: CourtCaseDetail) => void;
}) {
  const { pt, lang } = useCourtText();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [directory, setDirectory] = useState<CourtDirectory['items'] | null>(null);
  const [judges, setJudges] = useState<CourtJudges['items'] | null>(null);
  const spec = formOf(detail.kind, event);
  const needsDirectory = spec.fields === 'delegate' || spec.fields === 'entrust';
  const needsJudges = spec.fields === 'judge';
  useEffect(() => {
    if (needsDirectory) void getCourtDirectory().then((d) => setDirectory(d.items));
  }, [needsDirectory]);
  useEffect(() => {
    if (needsJudges) void getCourtJudges().then((j) => setJudges(j.items));
  }, [needsJudges]);
  const organizationId = Form.useWatch('organizationId', form) as string | undefined;
  const groundCode = Form.useWatch('groundCode', form) as string | undefined;
  const grounds = spec.fields === 'refuse' || spec.fields === 'reject' ? spec.fields : null;
  const basis = grounds ? groundBasis(grounds, groundCode, lang) : null;
  const tomorrow = addIsoDays(todayIso(), 1);
  const mediators = directory?.find((o) => o.organizationId === organizationId)?.mediators ?? [];
  const title = eventLabel(detail.kind, event, lang);

  async function submit(values: Record<string, unknown>) {
    setError(null);
    setBusy(true);
    try {
      const body: Record<string, unknown> = { expectedVersion: detail.version };
      for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') body[k] = v;
      onDone(await fireCourtEvent(detail.id, event, body));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      okText={pt('confirm')}
      cancelText={pt('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          procedure: 'ordinary',
          days: 10,
          undisputedFacts: detail.undisputedFacts ?? detail.closingReport?.undisputedFacts ?? '',
          terms: detail.closingReport?.agreement?.terms ?? '',
          of: 'both',
        }}
      >
        {spec.hint ? <p style={{ marginTop: 0 }}>{pt(spec.hint)}</p> : null}
        {grounds ? (
          <Form.Item
            label={pt(grounds === 'refuse' ? 'refuseGround' : 'rejectGround')}
            name="groundCode"
            htmlFor="action-ground"
            extra={basis ? pt('groundBasis', { basis }) : undefined}
            rules={[{ required: true, message: pt('choose', { field: pt('ground') }) }]}
          >
            <Select id="action-ground" options={groundOptions(grounds, lang)} />
          </Form.Item>
        ) : null}
        {needsJudges && judges && judges.length === 0 ? (
          <Alert type="warning" showIcon message={pt('judgesEmpty')} style={{ marginBottom: 12 }} />
        ) : null}
        {needsJudges ? (
          <Form.Item
            label={pt('chooseJudge')}
            name="judgeId"
            htmlFor="action-judge"
            rules={[{ required: true, message: pt('choose', { field: pt('judge') }) }]}
          >
            <Select
              id="action-judge"
              loading={!judges}
              showSearch
              optionFilterProp="label"
              options={(judges ?? []).map((j) => ({ value: j.id, label: j.name }))}
            />
          </Form.Item>
        ) : null}
        {spec.fields === 'supplement' ? (
          <Form.Item
            label={<span id="action-of-label">{pt('supplementOfInput')}</span>}
            name="of"
            rules={[{ required: true, message: pt('choose', { field: pt('supplementOf') }) }]}
          >
            <Radio.Group aria-labelledby="action-of-label">
              <Space direction="vertical">
                {SUPPLEMENT_OF.map((of) => (
                  <Radio key={of} value={of}>
                    {sideLabel(of, lang)}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
        ) : null}
        {needsDirectory && directory && directory.length === 0 ? (
          <Alert type="warning" showIcon message={pt('directoryEmpty')} style={{ marginBottom: 12 }} />
        ) : null}
        {needsDirectory ? (
          <>
            <Form.Item
              label={pt('chooseOrganization')}
              name="organizationId"
              htmlFor="action-organization"
              rules={[{ required: true, message: pt('required', { field: pt('organization') }) }]}
            >
              <Select
                id="action-organization"
                loading={!directory}
                showSearch
                optionFilterProp="label"
                options={(directory ?? []).map((o) => ({
                  value: o.organizationId,
                  label: o.region ? `${o.name}（${o.region}）` : o.name,
                }))}
                onChange={() => form.setFieldValue('mediatorId', undefined)}
              />
            </Form.Item>
            <Form.Item label={pt('chooseMediator')} name="mediatorId" htmlFor="action-mediator">
              <Select
                id="action-mediator"
                allowClear
                placeholder={pt('noMediator')}
                disabled={!organizationId}
                options={mediators.map((m) => ({
                  value: m.id,
                  label: m.specialties.length ? `${m.name}（${m.specialties.join('、')}）` : m.name,
                }))}
              />
            </Form.Item>
          </>
        ) : null}
        {spec.fields === 'entrust' ? (
          <Form.Item label={pt('chooseProcedure')} name="procedure">
            <Radio.Group>
              <Space direction="vertical">
                <Radio value="ordinary">{pt('ordinary')}</Radio>
                <Radio value="summary">{pt('summary')}</Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
        ) : null}
        {spec.fields === 'extend' ? (
          <Form.Item
            label={pt('extendDays')}
            name="days"
            htmlFor="action-days"
            rules={[{ required: true, message: pt('required', { field: pt('extendDays') }) }]}
          >
            <InputNumber id="action-days" min={1} max={MAX_EXTENSION_DAYS} precision={0} />
          </Form.Item>
        ) : null}
        {spec.fields === 'file' ? (
          <Form.Item label={pt('undisputedInput')} name="undisputedFacts">
            <Input.TextArea rows={4} maxLength={COURT_LIMITS.facts} />
          </Form.Item>
        ) : null}
        {spec.fields === 'document' ? (
          <Form.Item label={pt('terms')} name="terms">
            <Input.TextArea rows={5} maxLength={COURT_LIMITS.facts} />
          </Form.Item>
        ) : null}
        {spec.fields === 'approval' ? (
          <Form.Item
            label={pt('approvedBy')}
            name="approvedBy"
            htmlFor="action-approved-by"
            rules={[
              { required: true, whitespace: true, message: pt('required', { field: pt('approvedBy') }) },
            ]}
          >
            <Input id="action-approved-by" maxLength={100} autoComplete="off" />
          </Form.Item>
        ) : null}
        {spec.note ? (
          <Form.Item
            label={pt(spec.note)}
            name="note"
            htmlFor="action-note"
            rules={
              spec.noteOptional
                ? []
                : [{ required: true, whitespace: true, message: pt('required', { field: pt('note') }) }]
            }
          >
            <Input.TextArea id="action-note" rows={3} maxLength={COURT_LIMITS.note} />
          </Form.Item>
        ) : null}
        {spec.fields === 'supplement' ? (
          <Form.Item
            label={pt('supplementDueInput')}
            name="dueDate"
            htmlFor="action-due-date"
            rules={[
              { required: true, message: pt('choose', { field: pt('supplementDue') }) },
              {
                validator: (_, value: string | undefined) =>
                  !value || value >= tomorrow
                    ? Promise.resolve()
                    : Promise.reject(new Error(pt('dueDateInvalid'))),
              },
            ]}
          >
            <Input id="action-due-date" type="date" min={tomorrow} style={{ maxWidth: 220 }} />
          </Form.Item>
        ) : null}
        {error ? <Alert type="error" showIcon role="alert" message={error} /> : null}
      </Form>
    </Modal>
  );
}

/** The events the server says this user may fire now, each a button opening its form. */
export function CourtActions({
  detail,
  onChange,
}: {
  detail: CourtCaseDetail;
  onChange: (d: CourtCaseDetail) => void;
}) {
  const { pt, lang } = useCourtText();
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // Whom the case waits for: the organization (over the link), or the parties' supplements.
  const waiting: CourtTextKey | null =
    detail.kind === 'confirmation'
      ? detail.status === 'awaiting_supplement'
        ? 'waitingSupplement'
        : null
      : ['delegated', 'entrusted', 'mediating'].includes(detail.status)
        ? 'waitingOrganization'
        : null;
  const referral = detail.kind !== 'confirmation';
  return (
    <div>
      {detail.abilities.length === 0 ? (
        <p style={{ margin: 0 }}>
          {detail.closed ? pt('closedCase') : waiting ? pt(waiting) : pt('noActions')}
        </p>
      ) : (
        <Space wrap>
          {detail.abilities.map((event) => (
            <Button
              key={event}
              type={SECONDARY[detail.kind].has(event) ? 'default' : 'primary'}
              danger={referral && (event === 'withdraw' || event === 'recall')}
              onClick={() => setOpen(event)}
            >
              {eventLabel(detail.kind, event, lang)}
            </Button>
          ))}
        </Space>
      )}
      {waiting && detail.abilities.length > 0 ? (
        <p style={{ marginTop: 8, marginBottom: 0 }}>{pt(waiting)}</p>
      ) : null}
      {done ? (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          role="status"
          message={pt('done', { action: done })}
        />
      ) : null}
      {open ? (
        <ActionModal
          detail={detail}
          event={open}
          onClose={() => setOpen(null)}
          onDone={(next) => {
            setDone(eventLabel(detail.kind, open, lang));
            setOpen(null);
            onChange(next);
          }}
        />
      ) : null}
    </div>
  );
}
