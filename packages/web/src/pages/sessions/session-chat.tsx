import { Button, Input, List, Space } from 'antd';
import { useState } from 'react';
import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import { formatDateTime } from '../../format.ts';
import { type SessionTextKey, useSessionText } from './session-text.ts';

export interface ChatLine {
  id: string;
  name: string;
  room: string;
  body: string;
  at: string;
}

/** In-session chat: what was said in this browser's room, kept with the case by the server. */
export function SessionChat({ lines, onSend }: { lines: ChatLine[]; onSend(body: string): void }) {
  const { pt } = useSessionText();
  const [draft, setDraft] = useState('');
  const send = () => {
    const body = draft.trim();
    if (!body) return;
    onSend(body);
    setDraft('');
  };
  return (
    <section aria-labelledby="session-chat-title" data-testid="session-chat">
      <h2 id="session-chat-title" style={{ fontSize: 16 }}>
        {pt('chat')}
      </h2>
      <div role="log" aria-live="polite" style={{ maxHeight: 260, overflowY: 'auto' }}>
        <List
          size="small"
          dataSource={lines}
          locale={{ emptyText: ' ' }}
          renderItem={(line) => (
            <List.Item key={line.id}>
              <div>
                <strong>{line.name}</strong>{' '}
                <small>
                  {pt(`room.${line.room}` as SessionTextKey)} · {formatDateTime(line.at)}
                </small>
                <div className="pre-wrap">{line.body}</div>
              </div>
            </List.Item>
          )}
        />
      </div>
      <Space.Compact style={{ width: '100%', marginTop: 8 }}>
        <Input
          aria-label={pt('chat')}
          placeholder={pt('chatPlaceholder')}
          value={draft}
          maxLength={INPUT_LIMITS.message}
          onChange={(e) => setDraft(e.target.value)}
          onPressEnter={send}
        />
        <Button type="primary" onClick={send}>
          {pt('send')}
        </Button>
      </Space.Compact>
    </section>
  );
}
