import { Empty, Timeline } from 'antd';
import type { TimelineEntry } from '../api/types.ts';
import { CASE_EVENT, CASE_STATUS, labelOf, ROLE } from '../domain-labels.ts';
import { formatDateTime } from '../format.ts';
import { useI18n } from '../i18n/index.ts';

export function CaseTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t, lang } = useI18n();
  if (entries.length === 0) return <Empty description={t('case.timelineEmpty')} />;
  return (
    <Timeline
      items={entries.map((entry, index) => ({
        key: `${entry.at}-${index}`,
        title: formatDateTime(entry.at),
        content: (
          <div>
            <strong>{labelOf(CASE_EVENT, entry.event, lang)}</strong>
            {entry.toStatus ? <span> → {labelOf(CASE_STATUS, entry.toStatus, lang)}</span> : null}
            <div>
              {entry.actorName}（{labelOf(ROLE, entry.actorRole, lang)}）
            </div>
            {entry.note ? <div className="pre-wrap">{entry.note}</div> : null}
          </div>
        ),
      }))}
    />
  );
}
