import { Segmented } from 'antd';
import { type Lang, useI18n } from '../i18n/index.ts';

/** 中文 / English switch; the choice persists in localStorage. */
export function LanguageSwitch({ onDark = false }: { onDark?: boolean }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      size="small"
      aria-label={t('lang.switch')}
      value={lang}
      onChange={(value) => setLang(value)}
      options={[
        { value: 'zh', label: <span lang="zh-CN">中文</span> },
        { value: 'en', label: <span lang="en">English</span> },
      ]}
      style={onDark ? { background: 'rgba(255,255,255,0.9)' } : undefined}
    />
  );
}
