import { App, Button, Form, Input, Table } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { type Divergence, resolveDivergence } from '../../api/docking.ts';
import { formatDateTime } from '../../format.ts';
import { type DockingTextKey, useDockingText } from './docking-text.ts';

type Side = Divergence['ours'];

const LINK_STATES = ['none', 'referred', 'received', 'declined', 'closed', 'withdrawn', 'concluded'];

/** One divergence: both sides' view of the case next to each other, and the written resolution that closes it. */
export function DivergenceCard({
  divergence,
  onResolved,
}: {
  divergence: Divergence;
  onResolved: () => void;
}) {
  const { pt } = useDockingText();
  const { message } = App.useApp();
  const [resolution, setResolution] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const state = (s: Side) =>
    LINK_STATES.includes(s.linkState) ? pt(`link.${s.linkState}` as DockingTextKey) : s.linkState;
  const rows: Array<{ key: string; field: string; ours: string | number; theirs: string | number }> = [
    { key: 'state', field: pt('linkState'), ours: state(divergence.ours), theirs: state(divergence.theirs) },
    {
      key: 'sent',
      field: pt('lastSent'),
      ours: divergence.ours.lastSequenceSent,
      theirs: divergence.theirs.lastSequenceSent,
    },
    {
      key: 'applied',
      field: pt('lastApplied'),
      ours: divergence.ours.lastSequenceApplied,
      theirs: divergence.theirs.lastSequenceApplied,
    },
  ];
  const inputId = `resolution-${divergence.id}`;

  const submit = async () => {
    setError(null);
    if (!resolution.trim()) {
      setError(pt('required', { field: pt('resolution') }));
      return;
    }
    setSaving(true);
    try {
      await resolveDivergence(divergence.id, resolution);
      message.success(pt('resolved'));
      onResolved();
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : String(cause));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section data-testid={`divergence-${divergence.id}`}>
      <h3 style={{ fontSize: 15, margin: '0 0 4px' }}>
        {pt('divergenceOf', { caseRef: divergence.caseRef, peer: divergence.peerId })}
      </h3>
      <div style={{ marginBottom: 8 }}>
        {pt('foundAt')} {formatDateTime(divergence.foundAt)}
      </div>
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: pt('field'), dataIndex: 'field' },
          { title: pt('ours'), dataIndex: 'ours' },
          { title: pt('theirs'), dataIndex: 'theirs' },
        ]}
      />
      <Form layout="vertical" onFinish={() => void submit()} style={{ marginTop: 12, maxWidth: 640 }}>
        <Form.Item
          label={pt('resolution')}
          htmlFor={inputId}
          extra={pt('resolutionHelp')}
          validateStatus={error ? 'error' : undefined}
          help={error ?? undefined}
        >
          <Input.TextArea
            id={inputId}
            rows={2}
            maxLength={2000}
            value={resolution}
            onChange={(e) => setResolution(e.target.value)}
          />
        </Form.Item>
        <Button htmlType="submit" loading={saving}>
          {pt('resolve')}
        </Button>
      </Form>
    </section>
  );
}
