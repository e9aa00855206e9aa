import type { Course } from '../../api/training.ts';
import { ToneTag } from '../../components/status-tag.tsx';
import { useTrainingText } from './training-text.ts';

const TONE = { open: 'info', completed: 'success', cancelled: 'neutral' } as const;

export function CourseStatusTag({ status }: { status: Course['status'] }) {
  const { pt } = useTrainingText();
  return <ToneTag tone={TONE[status]}>{pt(`course.${status}`)}</ToneTag>;
}
