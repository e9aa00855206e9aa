import { Empty, Table } from 'antd';
import { ToneTag } from '../../components/status-tag.tsx';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../format.ts';
import { type DockingCaseMessages, getCaseMessages } from './court-api.ts';
import { useCourtText } from './court-text.ts';

/** The docking link's messages of the case, both directions, with receipts (GET /api/docking/cases/:caseRef/messages). */
/** Remount it (a `key`) to read the history again after the case moved. */
export function MessageHistory({ caseRef }: { caseRef: string | null }) {
  const { pt, lang } = useCourtText();
  const [items, setItems] = useState<DockingCaseMessages['items'] | null>(null);
  useEffect(() => {
    if (!caseRef) return;
    void getCaseMessages(caseRef).then((m) => setItems(m.items));
  }, [caseRef]);
  if (!caseRef) return <p style={{ margin: 0 }}>{pt('messagesNotLinked')}</p>;
  if (items && items.length === 0) return <Empty description={pt('messagesEmpty')} />;
  return (
    <Table
      size="small"
      loading={!items}
      rowKey="messageId"
      dataSource={items ?? []}
      pagination={false}
      caption={<span className="visually-hidden">{pt('messages')}</span>}
      columns={[
        { title: pt('updated'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
        {
          title: pt('kind'),
          key: 'direction',
          render: (_: unknown, m) => (m.direction === 'sent' ? pt('sent') : pt('received')),
        },
        { title: pt('messages'), key: 'type', render: (_: unknown, m) => m.label[lang] },
        { title: '#', dataIndex: 'sequence', align: 'right' },
        {
          title: pt('status'),
          key: 'status',
          render: (_: unknown, m) => (
            <ToneTag tone={m.status === 'rejected' || m.status === 'dead' ? 'danger' : 'neutral'}>
              {m.status}
            </ToneTag>
          ),
        },
        {
          title: pt('receipt'),
          key: 'receipt',
          render: (_: unknown, m) =>
            m.receipt
              ? `${m.receipt.outcome}${m.receipt.code ? ` (${m.receipt.code})` : ''} · ${formatDateTime(m.receipt.at)}`
              : '—',
        },
      ]}
    />
  );
}
