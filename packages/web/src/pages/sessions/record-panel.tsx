import { Alert, Button, Descriptions, Form, Input, Modal, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import {
  finalizeRecord,
  getSessionRecord,
  type MediationSession,
  recordPdfUrl,
  type SessionRecord,
  signRecord,
} from '../../api/sessions.ts';
import { ToneTag } from '../../components/status-tag.tsx';
import { formatDateTime } from '../../format.ts';
import { type SessionTextKey, useSessionText } from './session-text.ts';

/** A session's record on the case: its text and signatures; fix it (mediator), sign it, download the sealed PDF. */
export function RecordPanel({ session }: { session: MediationSession }) {
  const { pt } = useSessionText();
  const [record, setRecord] = useState<SessionRecord | null>(null);
  const [signing, setSigning] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ password: string }>();
  const load = useCallback(() => {
    void getSessionRecord(session.caseId, session.id)
      .then(setRecord)
      .catch(() => setRecord(null));
  }, [session.caseId, session.id]);
  useEffect(load, [load]);
  if (!record) return null;
  if (record.body === '' && record.status === 'draft') return <p>{pt('noRecord')}</p>;

  const sign = async ({ password }: { password: string }) => {
    setBusy(true);
    try {
      setRecord(await signRecord(session.caseId, session.id, password));
      setSigning(false);
      form.resetFields();
    } catch {
      // The client has shown the error.
    } finally {
      setBusy(false);
    }
  };
  const tone = record.status === 'sealed' ? 'success' : record.status === 'signing' ? 'warning' : 'neutral';
  return (
    <section aria-label={pt('record')} data-testid="record-panel">
      <Descriptions bordered column={1} size="small">
        <Descriptions.Item label={pt('record')}>
          <ToneTag tone={tone}>{pt(`status.${record.status}` as SessionTextKey)}</ToneTag>
        </Descriptions.Item>
        <Descriptions.Item label={pt('participants')}>
          <div className="pre-wrap" data-testid="record-text">
            {record.body}
          </div>
        </Descriptions.Item>
        {record.signatures.length > 0 ? (
          <Descriptions.Item label={pt('signed')}>
            {record.signatures.map((s) => `${s.name}（${formatDateTime(s.signedAt)}）`).join('、')}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {record.status === 'signing' && record.missing.length > 0 ? (
        <p>
          {pt('toSign', { who: record.missing.map((m) => pt(`missing.${m}` as SessionTextKey)).join('、') })}
        </p>
      ) : null}
      {record.status === 'sealed' && record.verificationCode ? (
        <Alert
          type="success"
          showIcon
          title={pt('sealed', { code: record.verificationCode })}
          style={{ marginTop: 8 }}
        />
      ) : null}
      <Space style={{ marginTop: 8 }}>
        {record.canFinalize ? (
          <Button
            type="primary"
            onClick={() =>
              void finalizeRecord(session.caseId, session.id, record.revision).then(
                setRecord,
                () => undefined,
              )
            }
          >
            {pt('finalize')}
          </Button>
        ) : null}
        {record.canSign ? (
          <Button type="primary" onClick={() => setSigning(true)}>
            {pt('sign')}
          </Button>
        ) : null}
        {record.status === 'sealed' ? (
          <a href={recordPdfUrl(session.caseId, session.id)} download>
            {pt('downloadPdf')}
          </a>
        ) : null}
      </Space>
      <Modal
        open={signing}
        title={pt('signTitle')}
        onCancel={() => setSigning(false)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        okText={pt('sign')}
        destroyOnHidden
      >
        <p>{pt('signHint')}</p>
        <Form form={form} layout="vertical" name="sign-record" onFinish={(v) => void sign(v)}>
          <Form.Item
            name="password"
            label={pt('password')}
            rules={[{ required: true, message: pt('password') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
        </Form>
      </Modal>
    </section>
  );
}
