import { DOCKING_MESSAGE_LABELS, type DockingMessageType } from '@sutiao/domain/docking/message-types.ts';
import { DOCKING_REJECTION_CODES, type DockingRejectionCode } from '@sutiao/domain/docking/receipt.ts';
import { App, Button, Card, Empty, Grid, Space, Table } from 'antd';
import type { ReactNode } from 'react';
import { useCallback, useEffect, useState } from 'react';
import {
  type DeadLetter,
  type LinkProblems,
  listLinkProblems,
  type RefusedMessage,
  retryDeadLetter,
} from '../../api/docking.ts';
import { PageHeading } from '../../components/page-title.tsx';
import { ToneTag } from '../../components/status-tag.tsx';
import { formatDateTime } from '../../format.ts';
import { DivergenceCard } from './divergence-card.tsx';
import { useDockingText } from './docking-text.ts';

const heading = { fontSize: 16, margin: 0 } as const;
const longText = { wordBreak: 'break-all', overflowWrap: 'anywhere' } as const;

/** A message type's name in the page's language (the code itself when this client does not know it). */
export function typeLabel(type: string | null, lang: 'zh' | 'en'): string {
  if (!type) return '—';
  return type in DOCKING_MESSAGE_LABELS ? DOCKING_MESSAGE_LABELS[type as DockingMessageType][lang] : type;
}

function codeMeaning(code: string, lang: 'zh' | 'en'): string {
  return code in DOCKING_REJECTION_CODES ? DOCKING_REJECTION_CODES[code as DockingRejectionCode][lang] : '';
}

/** On a phone each row becomes a card of label–value lines instead of a table wider than the screen. */
function RowCards<T>({
  rows,
  rowKey,
  fields,
  label,
}: {
  rows: T[];
  rowKey: (row: T) => string;
  fields: Array<{ title: string; render: (row: T) => ReactNode }>;
  label: string;
}) {
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={label}>
      {rows.map((row) => (
        <li key={rowKey(row)} style={{ borderTop: '1px solid #e5e7eb', padding: '8px 0' }}>
          <dl style={{ margin: 0 }}>
            {fields.map((f) => (
              <div key={f.title} style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
                <dt style={{ color: 'rgba(0,0,0,0.7)', minWidth: 96 }}>{f.title}</dt>
                <dd style={{ margin: 0, ...longText, minWidth: 0, flex: 1 }}>{f.render(row)}</dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}

function Rows<T>(props: {
  rows: T[];
  rowKey: (row: T) => string;
  fields: Array<{ title: string; render: (row: T) => ReactNode }>;
  label: string;
  empty: string;
}) {
  const narrow = Grid.useBreakpoint().md === false;
  if (props.rows.length === 0) return <Empty description={props.empty} />;
  if (narrow) return <RowCards {...props} />;
  return (
    <Table<T>
      rowKey={props.rowKey}
      size="small"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={props.rows}
      columns={props.fields.map((f) => ({
        title: f.title,
        key: f.title,
        render: (_: unknown, row: T) => f.render(row),
      }))}
    />
  );
}

/** What needs the administrator on the link: dead letters, messages refused here, open divergences. */
export default function DockingProblemsPage() {
  const { pt, lang } = useDockingText();
  const { message } = App.useApp();
  const [problems, setProblems] = useState<LinkProblems | null>(null);

  const load = useCallback(() => {
    listLinkProblems()
      .then(setProblems)
      .catch(() => setProblems({ deadLetters: [], refused: [], divergences: [] }));
  }, []);
  useEffect(load, [load]);

  const retry = async (m: DeadLetter) => {
    await retryDeadLetter(m.messageId);
    message.success(pt('retried'));
    load();
  };

  const none = pt('none');
  const deadFields: Array<{ title: string; render: (m: DeadLetter) => ReactNode }> = [
    { title: pt('type'), render: (m) => typeLabel(m.type, lang) },
    { title: pt('caseRef'), render: (m) => m.caseRef ?? none },
    { title: pt('peer'), render: (m) => m.peerId },
    { title: pt('sequence'), render: (m) => m.sequence },
    { title: pt('attempts'), render: (m) => m.attempts },
    { title: pt('lastError'), render: (m) => <span style={longText}>{m.lastError ?? none}</span> },
    {
      title: pt('status'),
      render: (m) => (
        <ToneTag tone={m.status === 'dead' ? 'warning' : 'danger'}>
          {m.status === 'dead' || m.status === 'rejected' ? pt(`status.${m.status}`) : m.status}
        </ToneTag>
      ),
    },
    { title: pt('createdAt'), render: (m) => formatDateTime(m.createdAt) },
    {
      title: pt('retry'),
      render: (m) =>
        m.status === 'dead' ? (
          <Button size="small" onClick={() => void retry(m)} aria-label={pt('retryOf', { id: m.messageId })}>
            {pt('retry')}
          </Button>
        ) : (
          <span>{pt('rejectedNoRetry')}</span>
        ),
    },
  ];
  const refusedFields: Array<{ title: string; render: (m: RefusedMessage) => ReactNode }> = [
    { title: pt('receivedAt'), render: (m) => formatDateTime(m.receivedAt) },
    { title: pt('sender'), render: (m) => m.senderId ?? none },
    { title: pt('type'), render: (m) => typeLabel(m.type, lang) },
    { title: pt('caseRef'), render: (m) => m.caseRef ?? none },
    {
      title: pt('code'),
      render: (m) => (
        <span>
          <code>{m.code}</code> {codeMeaning(m.code, lang)}
        </span>
      ),
    },
    { title: pt('detail'), render: (m) => <span style={longText}>{m.detail ?? none}</span> },
  ];

  return (
    <>
      <PageHeading title={pt('problemsTitle')} sub={pt('problemsSub')} />
      <Space direction="vertical" size={16} style={{ display: 'flex' }}>
        <Card title={<h2 style={heading}>{pt('deadTitle')}</h2>} loading={problems === null}>
          <Rows
            rows={problems?.deadLetters ?? []}
            rowKey={(m) => m.messageId}
            fields={deadFields}
            label={pt('deadTitle')}
            empty={pt('deadEmpty')}
          />
        </Card>
        <Card title={<h2 style={heading}>{pt('refusedTitle')}</h2>} loading={problems === null}>
          <Rows
            rows={problems?.refused ?? []}
            rowKey={(m) => `${m.senderId}|${m.messageId}|${m.receivedAt}|${m.code}`}
            fields={refusedFields}
            label={pt('refusedTitle')}
            empty={pt('refusedEmpty')}
          />
        </Card>
        <Card title={<h2 style={heading}>{pt('divergencesTitle')}</h2>} loading={problems === null}>
          {problems?.divergences.length === 0 ? <Empty description={pt('divergencesEmpty')} /> : null}
          <Space direction="vertical" size={16} style={{ display: 'flex' }}>
            {(problems?.divergences ?? []).map((d) => (
              <DivergenceCard key={d.id} divergence={d} onResolved={load} />
            ))}
          </Space>
        </Card>
      </Space>
    </>
  );
}
