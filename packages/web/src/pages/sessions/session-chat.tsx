import { Button, Input, List, Select, Space } from 'antd';
import type { SharedDocument } from '@sutiao/domain/sessions/signaling-messages.ts';
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
  document: SharedDocument | null;
}

/**
 * In-session chat: what was said in this browser's room, kept with the case by the server; and the case's documents,
 * any of which a participant shows to the room (each person there opens it from the case).
 */
export function SessionChat({
  lines,
  onSend,
  documents,
  onShare,
}: {
  lines: ChatLine[];
  onSend(body: string): void;
  documents: { id: string; name: string }[];
  onShare(uploadId: string): void;
}) {
  const { pt } = useSessionText();
  const [draft, setDraft] = useState('');
  const [chosen, setChosen] = useState<string | undefined>(undefined);
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
                {line.document ? (
                  <a
                    href={`/api/uploads/${encodeURIComponent(line.document.id)}`}
                    target="_blank"
                    rel="noopener noreferrer"
                    data-testid="shared-document"
                  >
                    {pt('openDocument', { name: line.document.name })}
                  </a>
                ) : null}
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
      {documents.length > 0 ? (
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Select
            aria-label={pt('shareDocument')}
            placeholder={pt('shareDocument')}
            style={{ flex: 1 }}
            value={chosen}
            onChange={setChosen}
            options={documents.map((d) => ({ value: d.id, label: d.name }))}
          />
          <Button
            disabled={!chosen}
            onClick={() => {
              if (chosen) onShare(chosen);
              setChosen(undefined);
            }}
          >
            {pt('share')}
          </Button>
        </Space.Compact>
      ) : null}
    </section>
  );
}
