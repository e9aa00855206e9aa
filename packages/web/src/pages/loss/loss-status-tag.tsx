import { Tag } from 'antd';
import type { LossStatus } from '../../api/loss-types.ts';
import { useLossText } from './loss-text.ts';

const COLOR: Record<LossStatus, string> = {
  draft: 'default',
  data_ready: 'blue',
  calculating: 'processing',
  calculated: 'cyan',
  issued: 'green',
};

export function LossStatusTag({ status }: { status: LossStatus }) {
  const { lt } = useLossText();
  return <Tag color={COLOR[status]}>{lt(`status.${status}`)}</Tag>;
}
