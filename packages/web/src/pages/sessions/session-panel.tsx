import { Button, Card, Form, Input, InputNumber, Space, Table } from 'antd';
import { RecordPanel } from './record-panel.tsx';
import { RecordingList } from './recording-list.tsx';
import { ToneTag } from '../../components/status-tag.tsx';
import type { Tone } from '../../domain-labels.ts';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { listSessions, type MediationSession, scheduleSession, sessionEvent } from '../../api/sessions.ts';
import { beijingIso, formatDateTime } from '../../format.ts';
import { type SessionTextKey, useSessionText } from './session-text.ts';

const STATE_TONE: Record<MediationSession['state'], Tone> = {
  scheduled: 'info',
  open: 'success',
  ended: 'neutral',
  cancelled: 'neutral',
};

/**
 * The case's video mediation tab: upcoming and past sessions with their people, the mediator's form to schedule one
 * and buttons to open or cancel it, and for every participant the way into an open session.
 */
export function SessionPanel({ caseId, canSchedule }: { caseId: string; canSchedule: boolean }) {
  const { pt } = useSessionText();
  const [sessions, setSessions] = useState<MediationSession[]>([]);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ when: string; minutes: number }>();
  const load = useCallback(() => {
    void listSessions(caseId)
      .then(setSessions)
      .catch(() => setSessions([]));
  }, [caseId]);
  useEffect(load, [load]);

  const act = async (s: MediationSession, event: 'open' | 'cancel') => {
    try {
      await sessionEvent(s, event);
    } finally {
      load();
    }
  };
  const schedule = async (values: { when: string; minutes: number }) => {
    setSaving(true);
    try {
      await scheduleSession(caseId, beijingIso(values.when), values.minutes);
      form.resetFields();
      load();
    } catch {
      // The client has shown the error.
    } finally {
      setSaving(false);
    }
  };
  return (
    <section data-testid="session-panel">
      <p>{pt('intro')}</p>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={sessions}
        locale={{ emptyText: pt('none') }}
        columns={[
          {
            title: pt('scheduledAt'),
            render: (_: unknown, s: MediationSession) => formatDateTime(s.scheduledAt),
          },
          {
            title: pt('state'),
            render: (_: unknown, s: MediationSession) => (
              <ToneTag tone={STATE_TONE[s.state]}>{pt(`state.${s.state}` as SessionTextKey)}</ToneTag>
            ),
          },
          {
            title: pt('participants'),
            render: (_: unknown, s: MediationSession) => s.participants.map((p) => p.name).join('、'),
          },
          {
            title: '',
            render: (_: unknown, s: MediationSession) => (
              <Space>
                {s.isMediator && s.state === 'scheduled' ? (
                  <>
                    <Button type="primary" size="small" onClick={() => void act(s, 'open')}>
                      {pt('open')}
                    </Button>
                    <Button size="small" onClick={() => void act(s, 'cancel')}>
                      {pt('cancel')}
                    </Button>
                  </>
                ) : null}
                {s.canJoin ? (
                  <Link to={`/cases/${encodeURIComponent(caseId)}/sessions/${encodeURIComponent(s.id)}`}>
                    <Button type="primary" size="small">
                      {pt('join')}
                    </Button>
                  </Link>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {sessions
        .filter((s) => s.state === 'ended')
        .map((s) => (
          <Card
            key={s.id}
            size="small"
            style={{ marginTop: 16 }}
            title={
              <h3
                style={{ fontSize: 15, margin: 0 }}
              >{`${pt('record')} · ${formatDateTime(s.scheduledAt)}`}</h3>
            }
          >
            <RecordPanel session={s} />
            <h4 style={{ fontSize: 14, marginTop: 16 }}>{pt('recordings')}</h4>
            <RecordingList session={s} />
          </Card>
        ))}
      {canSchedule ? (
        <Form
          form={form}
          layout="inline"
          name="schedule-session"
          style={{ marginTop: 16 }}
          initialValues={{ minutes: 60 }}
          onFinish={(v) => void schedule(v)}
        >
          <Form.Item name="when" label={pt('when')} rules={[{ required: true, message: pt('when') }]}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item
            name="minutes"
            label={pt('minutes')}
            rules={[{ required: true, message: pt('minutes') }]}
          >
            <InputNumber min={15} max={240} step={15} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            {pt('create')}
          </Button>
        </Form>
      ) : null}
    </section>
  );
}
