import { Divider, Empty } from 'antd';
import { postCaseRecord } from '../api/client.ts';
import type { RecordEntry } from '../api/types.ts';
import { formatDateTime } from '../format.ts';
import { useI18n } from '../i18n/index.ts';
import { hasPermission, hasRole, useMe } from '../session.tsx';
import { EntryList } from './entry-list.tsx';
import { PostForm } from './post-form.tsx';

/** 笔录: the mediator's running record of the sessions. */
export function CaseRecord({
  caseId,
  record,
  onPosted,
}: {
  caseId: string;
  record: RecordEntry[];
  onPosted: () => void;
}) {
  const { t } = useI18n();
  const me = useMe();
  return (
    <>
      {record.length === 0 ? (
        <Empty description={t('case.recordEmpty')} />
      ) : (
        <EntryList
          label={t('case.tab.record')}
          entries={record.map((item) => ({
            key: item.id,
            meta: (
              <>
                {item.authorName ?? t('role.mediator')}
                <span className="entry-time">{formatDateTime(item.createdAt)}</span>
              </>
            ),
            body: item.body,
          }))}
        />
      )}
      {hasPermission(me, 'case.record') || hasRole(me, 'mediator') ? (
        <>
          <Divider />
          <PostForm
            name="case-record"
            label={t('case.recordLabel')}
            submitText={t('case.recordAdd')}
            onPost={async (body) => {
              await postCaseRecord(caseId, body);
              onPosted();
            }}
          />
        </>
      ) : null}
    </>
  );
}
