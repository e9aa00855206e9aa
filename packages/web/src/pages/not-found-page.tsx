import { Result } from 'antd';
import { Link } from 'react-router-dom';
import { usePageTitle } from '../components/page-title.tsx';
import { useI18n } from '../i18n/index.ts';

export default function NotFoundPage() {
  const { t } = useI18n();
  usePageTitle(t('notFound.title'));
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('notFound.title')}</h1>}
      extra={<Link to="/">{t('nav.workbench')}</Link>}
    />
  );
}
