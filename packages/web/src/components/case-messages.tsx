import { Divider, Empty, List } from 'antd';
import { postCaseMessage } from '../api/client.ts';
import type { CaseMessage } from '../api/types.ts';
import { labelOf, ROLE } from '../domain-labels.ts';
import { formatDateTime } from '../format.ts';
import { useI18n } from '../i18n/index.ts';
import { PostForm } from './post-form.tsx';

export function CaseMessages({
  caseId,
  messages,
  onPosted,
}: {
  caseId: string;
  messages: CaseMessage[];
  onPosted: () => void;
}) {
  const { t, lang } = useI18n();
  return (
    <>
      {messages.length === 0 ? (
        <Empty description={t('case.messagesEmpty')} />
      ) : (
        <List
          dataSource={messages}
          renderItem={(item) => (
            <List.Item key={item.id}>
              <List.Item.Meta
                title={
                  <span>
                    {item.authorName}
                    {item.authorRole ? `（${labelOf(ROLE, item.authorRole, lang)}）` : ''}
                    <span style={{ fontWeight: 400, marginInlineStart: 12, color: 'rgba(0,0,0,0.65)' }}>
                      {formatDateTime(item.createdAt)}
                    </span>
                  </span>
                }
                description={
                  <div className="pre-wrap" style={{ color: 'rgba(0,0,0,0.85)' }}>
                    {item.body}
                  </div>
                }
              />
            </List.Item>
          )}
        />
      )}
      <Divider />
      <PostForm
        name="case-message"
        label={t('case.messageLabel')}
        submitText={t('case.messageSend')}
        onPost={async (body) => {
          await postCaseMessage(caseId, body);
          onPosted();
        }}
      />
    </>
  );
}
