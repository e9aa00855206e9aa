import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Radio,
  Space,
  Spin,
  Timeline,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { ToneTag } from '../../components/status-tag.tsx';
import { formatDateTime } from '../../format.ts';
import {
  applyForConfirmation,
  type CaseConfirmation,
  type ConfirmationApplication,
  fireApplicationEvent,
  getConfirmation,
  type PartyEvent,
} from './confirmation-api.ts';
import {
  applicationEventLabel,
  applicationStateLabel,
  applicationTone,
  decisionLabel,
  groundLabel,
} from './confirmation-labels.ts';
import { type ConfirmationTextKey, useConfirmationText } from './confirmation-text.ts';

const errorText = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

/** The button and form of a party's event: the note is the statement, the reason or the supplement. */
const EVENT_FORM: Record<
  PartyEvent,
  { button: ConfirmationTextKey; field: ConfirmationTextKey; primary: boolean }
> = {
  'co-confirm': { button: 'coConfirm', field: 'statement', primary: true },
  'answer-supplement': { button: 'answerButton', field: 'answer', primary: true },
  'co-decline': { button: 'coDecline', field: 'reasonInput', primary: false },
  withdraw: { button: 'withdraw', field: 'reasonInput', primary: false },
};

function PartyAction({
  application,
  event,
  onDone,
}: {
  application: ConfirmationApplication;
  event: PartyEvent;
  onDone: (next: CaseConfirmation) => void;
}) {
  const { pt } = useConfirmationText();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const spec = EVENT_FORM[event];
  const id = `confirmation-${event}-${application.id}`;
  async function submit({ note }: { note: string }) {
    setBusy(true);
    setError(null);
    try {
      onDone(await fireApplicationEvent(application, event, note));
      setOpen(false);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Button type={spec.primary ? 'primary' : 'default'} onClick={() => setOpen(true)}>
        {pt(spec.button)}
      </Button>
      <Modal
        open={open}
        title={pt(spec.button)}
        okText={pt('submit')}
        cancelText={pt('cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ note: event === 'co-confirm' ? pt('statementDefault') : '' }}
        >
          <Form.Item
            label={pt(spec.field)}
            name="note"
            htmlFor={id}
            rules={[{ required: true, whitespace: true, message: pt('required', { field: pt(spec.field) }) }]}
          >
            <Input.TextArea id={id} rows={4} maxLength={2000} />
          </Form.Item>
          {error ? <Alert type="error" showIcon role="alert" message={error} /> : null}
        </Form>
      </Modal>
    </>
  );
}

function ApplicationCard({
  application: a,
  onChange,
}: {
  application: ConfirmationApplication;
  onChange: (next: CaseConfirmation) => void;
}) {
  const { pt, lang } = useConfirmationText();
  const side = (s: string) => pt(s === 'investor' ? 'investor' : s === 'respondent' ? 'respondent' : 'both');
  const actions = (['co-confirm', 'answer-supplement', 'co-decline', 'withdraw'] as const).filter((e) =>
    a.abilities.includes(e),
  );
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Space wrap>
          <span>{a.court.name}</span>
          <ToneTag tone={applicationTone(a.status)}>
            <span data-testid="confirmation-status" data-status={a.status}>
              {applicationStateLabel(a.status, lang)}
            </span>
          </ToneTag>
        </Space>
      }
    >
      {a.status === 'confirmed' ? (
        <Alert type="success" showIcon message={pt('enforceable')} style={{ marginBottom: 12 }} />
      ) : null}
      {a.status === 'rejected' ? (
        <Alert type="warning" showIcon message={pt('rejectedHint')} style={{ marginBottom: 12 }} />
      ) : null}
      {a.abilities.includes('co-confirm') ? (
        <Alert type="info" showIcon message={pt('coConfirmHint')} style={{ marginBottom: 12 }} />
      ) : null}
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={pt('appliedBy')}>{side(a.appliedBy)}</Descriptions.Item>
        <Descriptions.Item label={pt('reason')}>{a.routingReason}</Descriptions.Item>
        <Descriptions.Item label={pt('lastDay')}>{a.windowLastDay}</Descriptions.Item>
        {a.courtCaseNumber ? (
          <Descriptions.Item label={pt('caseNumber')}>
            <span data-testid="confirmation-case-number">{a.courtCaseNumber}</span>
          </Descriptions.Item>
        ) : null}
        {a.rulingDueDate && !a.closed ? (
          <Descriptions.Item label={pt('rulingDue')}>{a.rulingDueDate}</Descriptions.Item>
        ) : null}
        <Descriptions.Item label={pt('statements')}>
          {a.statements.map((s) => (
            <div key={s.side}>
              <strong>{side(s.side)}</strong>（{formatDateTime(s.at)}）：{s.text}
            </div>
          ))}
        </Descriptions.Item>
        {a.decision ? (
          <Descriptions.Item label={pt('decision')}>
            {decisionLabel(a.decision, lang)}
            {a.groundCode ? `（${groundLabel(a.groundCode, lang)}）` : ''}
            {a.decisionNote ? `：${a.decisionNote}` : ''}
          </Descriptions.Item>
        ) : null}
        {a.ruling ? (
          <Descriptions.Item label={pt('ruling')}>
            <Space direction="vertical">
              <a href={a.ruling.pdfUrl} download>
                {pt('download')}
              </a>
              {a.ruling.verificationCode ? (
                <span>
                  {pt('verificationCode')}：<span className="mono">{a.ruling.verificationCode}</span>
                </span>
              ) : null}
              {a.ruling.verifyUrl ? (
                <a href={a.ruling.verifyUrl} target="_blank" rel="noreferrer">
                  {pt('verifyLink')}
                </a>
              ) : (
                <span className="muted">{pt('verifyHint')}</span>
              )}
            </Space>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {a.supplement && a.status === 'supplement_requested' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          message={pt('supplementTitle')}
          description={
            <>
              <div>
                {pt('supplementOf')}：{side(a.supplement.of)}；{pt('supplementDue')}：
                {a.supplement.dueDate ?? '—'}
              </div>
              <div className="pre-wrap">{a.supplement.questions}</div>
            </>
          }
        />
      ) : null}
      {actions.length > 0 ? (
        <Space wrap style={{ marginTop: 12 }}>
          {actions.map((event) => (
            <PartyAction key={event} application={a} event={event} onDone={onChange} />
          ))}
        </Space>
      ) : null}
      <h3 style={{ fontSize: 14, marginTop: 16 }}>{pt('timeline')}</h3>
      <Timeline
        items={a.timeline.map((e) => ({
          children: (
            <span>
              {formatDateTime(e.at)} · {e.actorName} · {applicationEventLabel(e.event, lang)}
              {e.note ? `：${e.note}` : ''}
            </span>
          ),
        }))}
      />
    </Card>
  );
}

function ApplyForm({
  data,
  onChange,
}: {
  data: CaseConfirmation;
  onChange: (next: CaseConfirmation) => void;
}) {
  const { pt, lang } = useConfirmationText();
  const [form] = Form.useForm<{ courtId: string; statement: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(values: { courtId: string; statement: string }) {
    setBusy(true);
    setError(null);
    try {
      onChange(await applyForConfirmation(data.caseId, values));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card size="small" title={pt('applyTitle')} style={{ marginBottom: 16 }}>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ courtId: data.courts[0]?.courtId, statement: pt('statementDefault') }}
      >
        <Form.Item
          label={pt('court')}
          name="courtId"
          rules={[{ required: true, message: pt('required', { field: pt('court') }) }]}
        >
          <Radio.Group aria-label={pt('court')}>
            <Space direction="vertical">
              {data.courts.map((c) => (
                <Radio key={c.courtId} value={c.courtId}>
                  {c.courtName}
                  <span className="muted">（{pt('courtHint', { reason: c.reason[lang] })}）</span>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          label={pt('statement')}
          name="statement"
          htmlFor="confirmation-statement"
          rules={[{ required: true, whitespace: true, message: pt('required', { field: pt('statement') }) }]}
        >
          <Input.TextArea id="confirmation-statement" rows={4} maxLength={2000} />
        </Form.Item>
        {error ? (
          <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />
        ) : null}
        <Button type="primary" htmlType="submit" loading={busy}>
          {pt('applyButton')}
        </Button>
      </Form>
    </Card>
  );
}

/**
 * The case page's 司法确认 tab: the 30-day window, the competent court and why, the pre-check, the joint
 * application (one party applies, the other joins), the court's requests and decisions, and the ruling to download.
 */
export function ConfirmationPanel({ caseId, version }: { caseId: string; version: number }) {
  const { pt, lang } = useConfirmationText();
  const [data, setData] = useState<CaseConfirmation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    getConfirmation(caseId)
      .then(setData)
      .catch((e) => setError(errorText(e)));
  }, [caseId]);
  // Reload when the case moves (e.g. the agreement was sealed on this page).
  useEffect(() => {
    void version;
    load();
  }, [load, version]);
  if (error) return <Alert type="error" showIcon role="alert" message={error} />;
  if (!data) return <Spin />;
  if (!data.effectiveDate && data.applications.length === 0) return <Empty description={pt('noAgreement')} />;
  return (
    <>
      <p>{pt('intro')}</p>
      {data.effectiveDate && data.window ? (
        <Descriptions column={2} size="small" style={{ marginBottom: 12 }}>
          <Descriptions.Item label={pt('effectiveDate')}>{data.effectiveDate}</Descriptions.Item>
          <Descriptions.Item label={pt('lastDay')}>
            {data.window.lastDay}（
            {data.window.open ? pt('daysLeft', { days: data.window.daysLeft }) : pt('windowClosed')}）
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      {data.problems.length > 0 && data.viewerSide ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={pt('problems')}
          description={
            <ul className="prose-list">
              {data.problems.map((p) => (
                <li key={p.code}>{lang === 'en' ? p.en : p.zh}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {data.canApply ? <ApplyForm data={data} onChange={setData} /> : null}
      {!data.viewerSide && data.applications.length === 0 ? (
        <Alert type="info" showIcon message={pt('notParty')} />
      ) : null}
      {data.applications.length > 0 ? <h2 style={{ fontSize: 16 }}>{pt('applications')}</h2> : null}
      {data.applications.map((a) => (
        <ApplicationCard key={a.id} application={a} onChange={setData} />
      ))}
    </>
  );
}
