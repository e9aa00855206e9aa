import { Divider, Empty } from 'antd';
import { postCaseMessage } from '../api/client.ts';
import type { CaseMessage } from '../api/types.ts';
import { labelOf, ROLE } from '../domain-labels.ts';
import { formatDateTime } from '../format.ts';
import { useI18n } from '../i18n/index.ts';
import { EntryList } from './entry-list.tsx';
import { PostForm } from './post-form.tsx';
import { useCaseText } from './case-text.ts';

export function CaseMessages({
  caseId,
  messages,
  canPost,
  closed,
  onPosted,
}: {
  caseId: string;
  messages: CaseMessage[];
  /** The server says whether this user may post now (a party, on an open case). */
  canPost: boolean;
  closed: boolean;
  onPosted: () => void;
}) {
  const { t, lang } = useI18n();
  const { pt } = useCaseText();
  return (
    <>
      {messages.length === 0 ? (
        <Empty description={t('case.messagesEmpty')} />
      ) : (
        <EntryList
          label={t('case.tab.messages')}
          entries={messages.map((item) => ({
            key: item.id,
            meta: (
              <>
                {item.authorName}
                {item.authorRole ? `（${labelOf(ROLE, item.authorRole, lang)}）` : ''}
                <span className="entry-time">{formatDateTime(item.createdAt)}</span>
              </>
            ),
            body: item.body,
          }))}
        />
      )}
      <Divider />
      {canPost ? (
        <PostForm
          name="case-message"
          label={t('case.messageLabel')}
          submitText={t('case.messageSend')}
          onPost={async (body) => {
            await postCaseMessage(caseId, body);
            onPosted();
          }}
        />
      ) : (
        <p data-testid="messages-closed">{closed ? pt('closedNoMessages') : pt('readOnlyNoMessages')}</p>
      )}
    </>
  );
}
