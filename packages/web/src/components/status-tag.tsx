import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { CASE_STATUS, CASE_STATUS_TONE, labelOf, type Tone } from '../domain-labels.ts';
import { useLang } from '../i18n/index.ts';

const TONE_STYLE: Record<Tone, { color: string; background: string; borderColor: string }> = {
  neutral: { color: '#374151', background: '#f3f4f6', borderColor: '#d1d5db' },
  info: { color: '#1e40af', background: '#eff6ff', borderColor: '#bfdbfe' },
  progress: { color: '#5b21b6', background: '#f5f3ff', borderColor: '#ddd6fe' },
  success: { color: '#166534', background: '#f0fdf4', borderColor: '#bbf7d0' },
  warning: { color: '#92400e', background: '#fffbeb', borderColor: '#fde68a' },
  danger: { color: '#991b1b', background: '#fef2f2', borderColor: '#fecaca' },
};

export function ToneTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <Tag variant="outlined" style={{ ...TONE_STYLE[tone], marginInlineEnd: 0 }}>
      {children}
    </Tag>
  );
}

export function StatusTag({ status }: { status: string }) {
  const lang = useLang();
  return (
    <ToneTag tone={CASE_STATUS_TONE[status] ?? 'neutral'}>
      <span data-status={status}>{labelOf(CASE_STATUS, status, lang)}</span>
    </ToneTag>
  );
}
