import type { LossStatus } from '../../api/loss-types.ts';
import { ToneTag } from '../../components/status-tag.tsx';
import type { Tone } from '../../domain-labels.ts';
import { useLossText } from './loss-text.ts';

const TONE: Record<LossStatus, Tone> = {
  draft: 'neutral',
  data_ready: 'info',
  calculating: 'progress',
  calculated: 'warning',
  issued: 'success',
};

export function LossStatusTag({ status }: { status: LossStatus }) {
  const { lt } = useLossText();
  return (
    <ToneTag tone={TONE[status]}>
      <span data-status={status}>{lt(`status.${status}`)}</span>
    </ToneTag>
  );
}
