import { Button, Card, Empty, List, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { getInbox, markInboxRead } from '../api/client.ts';
import type { InboxItem } from '../api/types.ts';
import { announceInboxChanged } from '../components/inbox-bell.tsx';
import { PageHeading } from '../components/page-title.tsx';
import { ToneTag } from '../components/status-tag.tsx';
import { formatDateTime } from '../format.ts';
import { useI18n } from '../i18n/index.ts';

export default function InboxPage() {
  const { t } = useI18n();
  const [items, setItems] = useState<InboxItem[]>([]);
  const [unread, setUnread] = useState(0);
  const [loading, setLoading] = useState(true);

  const load = useCallback(() => {
    setLoading(true);
    getInbox()
      .then((inbox) => {
        setItems(inbox.items);
        setUnread(inbox.unread);
      })
      .catch(() => {})
      .finally(() => setLoading(false));
  }, []);

  useEffect(load, [load]);

  const markRead = async (id: string) => {
    try {
      await markInboxRead(id);
      const readAt = new Date().toISOString();
      setItems((list) => list.map((item) => (item.id === id ? { ...item, readAt } : item)));
      setUnread((count) => Math.max(0, count - 1));
      announceInboxChanged();
    } catch {
      // Shown by the client.
    }
  };

  return (
    <>
      <PageHeading title={t('nav.inbox')} sub={t('inbox.unreadCount', { count: unread })} />
      <Card>
        <List<InboxItem>
          loading={loading}
          dataSource={items}
          locale={{ emptyText: <Empty description={t('inbox.empty')} /> }}
          renderItem={(item) => (
            <List.Item
              key={item.id}
              actions={[
                item.caseId ? (
                  <Link
                    key="case"
                    to={`/cases/${item.caseId}`}
                    onClick={() => !item.readAt && void markRead(item.id)}
                  >
                    {t('inbox.openCase')}
                  </Link>
                ) : null,
                item.readAt ? null : (
                  <Button key="read" size="small" onClick={() => void markRead(item.id)}>
                    {t('inbox.markRead')}
                  </Button>
                ),
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={
                  <Space>
                    {item.readAt ? null : <ToneTag tone="info">{t('inbox.unread')}</ToneTag>}
                    <span style={{ fontWeight: item.readAt ? 400 : 600 }}>{item.title}</span>
                  </Space>
                }
                description={
                  <div style={{ color: 'rgba(0,0,0,0.75)' }}>
                    <div className="pre-wrap">{item.body}</div>
                    <div style={{ fontSize: 12, marginTop: 4 }}>{formatDateTime(item.createdAt)}</div>
                  </div>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
