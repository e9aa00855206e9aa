import { Card, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { listMediators } from '../api/client.ts';
import type { Mediator } from '../api/types.ts';
import { PageHeading } from '../components/page-title.tsx';
import { useI18n } from '../i18n/index.ts';

export default function MediatorsPage() {
  const { t } = useI18n();
  const [items, setItems] = useState<Mediator[]>([]);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    listMediators()
      .then((result) => setItems(result.items))
      .catch(() => {})
      .finally(() => setLoading(false));
  }, []);

  return (
    <>
      <PageHeading title={t('nav.mediators')} sub={t('mediators.intro')} />
      <Card>
        <Table<Mediator>
          rowKey="id"
          loading={loading}
          dataSource={items}
          caption={<span className="visually-hidden">{t('nav.mediators')}</span>}
          columns={[
            { title: t('mediators.name'), dataIndex: 'displayName', key: 'name' },
            { title: t('mediators.organization'), dataIndex: 'organizationName', key: 'org' },
            { title: t('mediators.workstation'), key: 'ws', render: (_, row) => row.workstation ?? '—' },
            {
              title: t('mediators.specialties'),
              key: 'specialties',
              render: (_, row) =>
                row.specialties.map((specialty) => (
                  <Tag key={specialty} style={{ color: '#1f2937' }}>
                    {specialty}
                  </Tag>
                )),
            },
          ]}
        />
      </Card>
    </>
  );
}
