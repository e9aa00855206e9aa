import type { Deadline } from '../api/types.ts';
import { DEADLINE_KIND, labelOf } from '../domain-labels.ts';
import { daysUntil } from '../format.ts';
import { useI18n } from '../i18n/index.ts';

/** "受理期限 2026-12-01（剩 3 天）", red when overdue. */
export function DeadlineText({
  deadline,
  showKind = true,
}: {
  deadline?: Deadline | null;
  showKind?: boolean;
}) {
  const { t, lang } = useI18n();
  if (!deadline) return <span>—</span>;
  const days = daysUntil(deadline.dueDate);
  let rest = '';
  if (days !== null) {
    if (days > 0) rest = t('deadline.daysLeft', { days });
    else if (days === 0) rest = t('deadline.today');
    else rest = t('deadline.overdue', { days: -days });
  }
  return (
    <span style={days !== null && days < 0 ? { color: '#b91c1c', fontWeight: 600 } : undefined}>
      {showKind ? `${labelOf(DEADLINE_KIND, deadline.kind, lang)} ` : ''}
      {deadline.dueDate}
      {rest ? `（${rest}）` : ''}
    </span>
  );
}
