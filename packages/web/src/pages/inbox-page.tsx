import { Button, Card, Empty, Space, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { getInbox, markInboxRead } from '../api/client.ts';
import type { InboxItem } from '../api/types.ts';
import { EntryList } from '../components/entry-list.tsx';
import { announceInboxChanged } from '../components/inbox-bell.tsx';
import { PageHeading } from '../components/page-title.tsx';
import { ToneTag } from '../components/status-tag.tsx';
import { formatDateTime } from '../format.ts';
import { useI18n } from '../i18n/index.ts';

export default function InboxPage() {
  const { t } = useI18n();
  const [items, setItems] = useState<InboxItem[]>([]);
  // null until the server answered: a count shown before that would be a wrong "0 unread".
  const [unread, setUnread] = useState<number | null>(null);
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
      setUnread((count) => (count === null ? null : Math.max(0, count - 1)));
      announceInboxChanged();
    } catch {
      // Shown by the client.
    }
  };

  return (
    <>
      <PageHeading
        title={t('nav.inbox')}
        sub={unread === null ? undefined : t('inbox.unreadCount', { count: unread })}
      />
      <Card>
        {loading && items.length === 0 ? (
          <Spin />
        ) : items.length === 0 ? (
          <Empty description={t('inbox.empty')} />
        ) : (
          <EntryList
            label={t('nav.inbox')}
            entries={items.map((item) => ({
              key: item.id,
              meta: (
                <Space>
                  {item.readAt ? null : <ToneTag tone="info">{t('inbox.unread')}</ToneTag>}
                  <span style={{ fontWeight: item.readAt ? 400 : 600 }}>{item.title}</span>
                  <span className="entry-time">{formatDateTime(item.createdAt)}</span>
                </Space>
              ),
              body: item.body,
              actions: (
                <>
                  {item.caseId ? (
                    <Link to={`/cases/${item.caseId}`} onClick={() => !item.readAt && void markRead(item.id)}>
                      {t('inbox.openCase')}
                    </Link>
                  ) : null}
                  {item.readAt ? null : (
                    <Button size="small" onClick={() => void markRead(item.id)}>
                      {t('inbox.markRead')}
                    </Button>
                  )}
                </>
              ),
            }))}
          />
        )}
      </Card>
    </>
  );
}
