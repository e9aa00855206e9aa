import { Badge, Button, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { getInbox } from '../api/client.ts';
import { useI18n } from '../i18n/index.ts';
import { BellIcon } from './icons.tsx';

const INBOX_CHANGED = 'sutiao:inbox-changed';
const POLL_MS = 30_000;

/** Tells the bell to re-count (after marking items read). */
export function announceInboxChanged(): void {
  window.dispatchEvent(new Event(INBOX_CHANGED));
}

export function InboxBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [unread, setUnread] = useState(0);

  const load = useCallback(() => {
    getInbox()
      .then((inbox) => setUnread(inbox.unread))
      .catch(() => {});
  }, []);

  useEffect(() => {
    load();
    const timer = window.setInterval(load, POLL_MS);
    window.addEventListener(INBOX_CHANGED, load);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(INBOX_CHANGED, load);
    };
  }, [load]);

  const label = t('inbox.bell', { count: unread });
  return (
    <Tooltip title={label}>
      <Button
        type="text"
        aria-label={label}
        data-testid="inbox-bell"
        onClick={() => navigate('/inbox')}
        style={{ color: '#fff' }}
        icon={
          <Badge count={unread} size="small" offset={[4, -2]} color="#dc2626">
            <span style={{ color: '#fff', display: 'inline-flex' }}>
              <BellIcon />
            </span>
          </Badge>
        }
      />
    </Tooltip>
  );
}
