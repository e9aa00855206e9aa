import { Divider, Empty, List } from 'antd';
import { postCaseRecord } from '../api/client.ts';
import type { RecordEntry } from '../api/types.ts';
import { formatDateTime } from '../format.ts';
import { useI18n } from '../i18n/index.ts';
import { hasRole, useMe } from '../session.tsx';
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
        <List
          dataSource={record}
          renderItem={(item) => (
            <List.Item key={item.id}>
              <List.Item.Meta
                title={
                  <span>
                    {item.authorName ?? t('role.mediator')}
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
      {hasRole(me, 'mediator') ? (
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
