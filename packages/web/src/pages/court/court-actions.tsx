import { Alert, Button, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { COURT_LIMITS, MAX_EXTENSION_DAYS } from '@sutiao/domain/lifecycles/court-referral.ts';
import { type CourtCaseDetail, type CourtDirectory, fireCourtEvent, getCourtDirectory } from './court-api.ts';
import { eventLabel } from './court-labels.ts';
import { type CourtTextKey, useCourtText } from './court-text.ts';

/** What each event asks for; the server checks it again (and says which guard failed, in zh and en). */
const FORMS: Record<
  string,
  {
    note?: CourtTextKey;
    noteOptional?: boolean;
    fields?: 'delegate' | 'entrust' | 'extend' | 'file' | 'document';
  }
> = {
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

/** Events that end or hand over the case: their buttons are not the primary one. */
const SECONDARY = new Set([
  'record-refusal',
  'withdraw',
  'recall',
  'record-withdrawal',
  'refer-confirmation',
]);

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
  const spec = FORMS[event] ?? {};
  const needsDirectory = spec.fields === 'delegate' || spec.fields === 'entrust';
  useEffect(() => {
    if (needsDirectory) void getCourtDirectory().then((d) => setDirectory(d.items));
  }, [needsDirectory]);
  const organizationId = Form.useWatch('organizationId', form) as string | undefined;
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
        }}
      >
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
        {spec.note ? (
          <Form.Item
            label={pt(spec.note)}
            name="note"
            rules={
              spec.noteOptional
                ? []
                : [{ required: true, whitespace: true, message: pt('required', { field: pt('note') }) }]
            }
          >
            <Input.TextArea rows={3} maxLength={COURT_LIMITS.note} />
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
  const waiting = ['delegated', 'entrusted', 'mediating'].includes(detail.status);
  return (
    <div>
      {detail.abilities.length === 0 ? (
        <p style={{ margin: 0 }}>
          {detail.closed ? pt('closedCase') : waiting ? pt('waitingOrganization') : pt('noActions')}
        </p>
      ) : (
        <Space wrap>
          {detail.abilities.map((event) => (
            <Button
              key={event}
              type={SECONDARY.has(event) ? 'default' : 'primary'}
              danger={event === 'withdraw' || event === 'recall'}
              onClick={() => setOpen(event)}
            >
              {eventLabel(detail.kind, event, lang)}
            </Button>
          ))}
        </Space>
      )}
      {waiting && detail.abilities.length > 0 ? (
        <p style={{ marginTop: 8, marginBottom: 0 }}>{pt('waitingOrganization')}</p>
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
