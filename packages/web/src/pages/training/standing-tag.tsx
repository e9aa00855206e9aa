import type { Standing } from '../../api/training.ts';
import { ToneTag } from '../../components/status-tag.tsx';
import { useTrainingText } from './training-text.ts';

const TONE = { met: 'success', 'catching-up': 'warning', suspended: 'danger' } as const;

/** Where someone stands against the annual hours: on track, short in grace, or not assignable. */
export function StandingTag({ standing }: { standing: Standing }) {
  const { pt } = useTrainingText();
  return (
    <ToneTag tone={TONE[standing.status]}>
      <span data-standing={standing.status}>{pt(`status.${standing.status}`)}</span>
    </ToneTag>
  );
}
