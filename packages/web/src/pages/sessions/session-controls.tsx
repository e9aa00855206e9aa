import { Button, Popconfirm, Space, Table } from 'antd';
import { ToneTag } from '../../components/status-tag.tsx';
import type { ClientMessage, RosterEntry } from '@sutiao/domain/sessions/signaling-messages.ts';
import { type SessionTextKey, useSessionText } from './session-text.ts';

/** The mediator's controls: who is waiting or in the room (admit, mute, remove), the caucus, and ending the session. */
export function SessionControls({
  roster,
  caucus,
  send,
}: {
  roster: RosterEntry[];
  caucus: string | null;
  send(m: ClientMessage): void;
}) {
  const { pt } = useSessionText();
  const others = roster.filter((r) => r.role !== 'mediator');
  return (
    <section aria-labelledby="session-roster-title" data-testid="session-controls">
      <h2 id="session-roster-title" style={{ fontSize: 16 }}>
        {pt('roster')}
      </h2>
      <Table
        size="small"
        pagination={false}
        rowKey="userId"
        dataSource={others}
        columns={[
          { title: pt('participants'), dataIndex: 'name' },
          {
            title: pt('state'),
            render: (_: unknown, r: RosterEntry) => (
              <span>
                {r.side ? pt(`side.${r.side}` as SessionTextKey) : pt(`role.${r.role}` as SessionTextKey)} ·{' '}
                <ToneTag
                  tone={
                    r.presence === 'waiting' ? 'warning' : r.presence === 'admitted' ? 'success' : 'neutral'
                  }
                >
                  {pt(`presence.${r.presence}` as SessionTextKey)}
                </ToneTag>
              </span>
            ),
          },
          {
            title: '',
            render: (_: unknown, r: RosterEntry) => (
              <Space>
                {r.presence === 'waiting' ? (
                  <Button
                    type="primary"
                    size="small"
                    aria-label={`${pt('admit')} ${r.name}`}
                    onClick={() => send({ type: 'admit', userId: r.userId })}
                  >
                    {pt('admit')}
                  </Button>
                ) : null}
                {r.presence === 'admitted' ? (
                  <Button
                    size="small"
                    aria-label={`${pt('mute')} ${r.name}`}
                    onClick={() => send({ type: 'mute', userId: r.userId })}
                  >
                    {pt('mute')}
                  </Button>
                ) : null}
                {r.presence !== 'away' ? (
                  <Button
                    size="small"
                    danger
                    aria-label={`${pt('remove')} ${r.name}`}
                    onClick={() => send({ type: 'remove', userId: r.userId })}
                  >
                    {pt('remove')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <Space wrap style={{ marginTop: 12 }}>
        {caucus === null ? (
          <>
            <Button onClick={() => send({ type: 'caucus', side: 'investor' })}>{pt('caucusInvestor')}</Button>
            <Button onClick={() => send({ type: 'caucus', side: 'respondent' })}>
              {pt('caucusRespondent')}
            </Button>
          </>
        ) : (
          <Button type="primary" onClick={() => send({ type: 'reunite' })}>
            {pt('reunite')}
          </Button>
        )}
        <Popconfirm title={pt('endConfirm')} onConfirm={() => send({ type: 'end' })}>
          <Button danger>{pt('end')}</Button>
        </Popconfirm>
      </Space>
    </section>
  );
}
