import { App, Button, Card, Descriptions, Empty, Grid, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import {
  getIdentity,
  listPeers,
  type Peer,
  type PeerKey,
  type PlatformIdentity,
  retirePeerKey,
} from '../../api/docking.ts';
import { PageHeading } from '../../components/page-title.tsx';
import { ToneTag } from '../../components/status-tag.tsx';
import { formatDateTime } from '../../format.ts';
import { useSession } from '../../session.tsx';
import { useDockingText } from './docking-text.ts';
import { PeerForm } from './peer-form.tsx';

const heading = { fontSize: 16, margin: 0 } as const;
/** Fingerprints and PEMs are long unbroken strings: they wrap anywhere rather than widen a phone's page. */
const longText = { wordBreak: 'break-all', overflowWrap: 'anywhere' } as const;

/** Peers of the docking link: this platform's identity to hand over, the registered peers and their keys. */
export default function DockingPeersPage() {
  const { pt } = useDockingText();
  const { platform } = useSession();
  const [identity, setIdentity] = useState<PlatformIdentity | null>(null);
  const [peers, setPeers] = useState<Peer[] | null>(null);
  const [prefill, setPrefill] = useState<Peer | null>(null);

  const load = useCallback(() => {
    listPeers()
      .then((r) => setPeers(r.items))
      .catch(() => setPeers([]));
  }, []);
  useEffect(() => {
    getIdentity()
      .then(setIdentity)
      .catch(() => {});
    load();
  }, [load]);

  return (
    <>
      <PageHeading title={pt('peersTitle')} sub={pt('peersSub')} />
      <Space direction="vertical" size={16} style={{ display: 'flex' }}>
        <IdentityCard identity={identity} />
        <Card title={<h2 style={heading}>{pt('registeredTitle')}</h2>} loading={peers === null}>
          <p style={{ marginTop: 0 }}>{pt('rotationHelp')}</p>
          {peers?.length === 0 ? <Empty description={pt('noPeers')} /> : null}
          <Space direction="vertical" size={16} style={{ display: 'flex' }}>
            {(peers ?? []).map((peer) => (
              <PeerCard key={peer.id} peer={peer} onChanged={load} onAddKey={() => setPrefill({ ...peer })} />
            ))}
          </Space>
        </Card>
        <PeerForm ownPlatform={platform} prefill={prefill} onRegistered={load} />
      </Space>
    </>
  );
}

function IdentityCard({ identity }: { identity: PlatformIdentity | null }) {
  const { pt, lang } = useDockingText();
  const { message } = App.useApp();
  const copy = (pem: string) =>
    navigator.clipboard
      .writeText(pem)
      .then(() => message.success(pt('copied')))
      .catch(() => message.error(pt('copyFailed')));
  return (
    <Card title={<h2 style={heading}>{pt('identityTitle')}</h2>} loading={identity === null}>
      <p style={{ marginTop: 0 }}>{pt('identityHelp')}</p>
      {identity ? (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={pt('platformId')}>
              <code data-testid="own-platform-id">{identity.platformId}</code>
            </Descriptions.Item>
            <Descriptions.Item label={pt('platformKind')}>
              {pt(`kind.${identity.platform}`)}
            </Descriptions.Item>
            <Descriptions.Item label={pt('name')}>
              {lang === 'en' ? identity.nameEn : identity.name}
            </Descriptions.Item>
            <Descriptions.Item label={pt('baseUrl')}>
              <span style={longText}>{identity.baseUrl}</span>
            </Descriptions.Item>
          </Descriptions>
          {identity.keys.map((key) => (
            <div key={key.keyId} style={{ marginTop: 16 }}>
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label={pt('keyId')}>
                  <code style={longText} data-testid="own-key-id">
                    {key.keyId}
                  </code>
                </Descriptions.Item>
                <Descriptions.Item label={pt('algorithm')}>{key.algorithm}</Descriptions.Item>
              </Descriptions>
              <div style={{ display: 'flex', alignItems: 'center', gap: 8, margin: '12px 0 4px' }}>
                <span>{pt('publicKey')}</span>
                <Button size="small" onClick={() => void copy(key.publicKeyPem)}>
                  {pt('copyKey')}
                </Button>
              </div>
              <pre
                data-testid="own-public-key"
                style={{ ...longText, whiteSpace: 'pre-wrap', background: '#f6f6f6', padding: 8, margin: 0 }}
              >
                {key.publicKeyPem}
              </pre>
            </div>
          ))}
        </>
      ) : null}
    </Card>
  );
}

function PeerCard({
  peer,
  onChanged,
  onAddKey,
}: {
  peer: Peer;
  onChanged: () => void;
  onAddKey: () => void;
}) {
  const { pt } = useDockingText();
  const { message, modal } = App.useApp();
  const narrow = Grid.useBreakpoint().md === false;
  const short = (keyId: string) => `${keyId.slice(0, 12)}…`;

  const retire = (key: PeerKey) =>
    modal.confirm({
      title: pt('retireTitle', { key: short(key.keyId) }),
      content: pt('retireBody'),
      okText: pt('retireOk'),
      okButtonProps: { danger: true },
      cancelText: pt('cancel'),
      onOk: async () => {
        await retirePeerKey(peer.id, key.keyId);
        message.success(pt('retired'));
        onChanged();
      },
    });
  const status = (key: PeerKey) =>
    key.current ? (
      <ToneTag tone="success">{pt('keyCurrent')}</ToneTag>
    ) : (
      <ToneTag tone="neutral">{pt('keyNotCurrent')}</ToneTag>
    );
  const retireButton = (key: PeerKey) =>
    key.validUntil === null || key.current ? (
      <Button size="small" danger onClick={() => retire(key)} aria-label={pt('retireOf', { key: key.keyId })}>
        {pt('retire')}
      </Button>
    ) : null;

  return (
    <section
      aria-label={`${peer.name} (${peer.id})`}
      data-testid={`peer-${peer.id}`}
      className="docking-peer"
    >
      <h3 style={{ fontSize: 15, margin: '0 0 8px' }}>
        {peer.name} <code style={longText}>{peer.id}</code>{' '}
        {peer.active ? null : <ToneTag tone="warning">{pt('inactive')}</ToneTag>}
      </h3>
      <Descriptions column={narrow ? 1 : 3} size="small" bordered>
        <Descriptions.Item label={pt('platformKind')}>
          {peer.platform === 'court' || peer.platform === 'mediation'
            ? pt(`kind.${peer.platform}`)
            : peer.platform}
        </Descriptions.Item>
        <Descriptions.Item label={pt('baseUrl')} span={narrow ? 1 : 2}>
          <span style={longText}>{peer.baseUrl}</span>
        </Descriptions.Item>
        <Descriptions.Item label={pt('pending')}>{peer.pending}</Descriptions.Item>
        <Descriptions.Item label={pt('delivered')}>{peer.delivered}</Descriptions.Item>
        <Descriptions.Item label={pt('failed')}>{peer.failed}</Descriptions.Item>
        <Descriptions.Item label={pt('lastDelivery')}>
          {peer.lastDeliveredAt ? formatDateTime(peer.lastDeliveredAt) : pt('never')}
        </Descriptions.Item>
      </Descriptions>
      <h4 style={{ fontSize: 14, margin: '12px 0 8px' }}>{pt('keysOf', { name: peer.name })}</h4>
      {narrow ? (
        <ul
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          aria-label={pt('keysOf', { name: peer.name })}
        >
          {peer.keys.map((key) => (
            <li key={key.keyId} style={{ borderTop: '1px solid #e5e7eb', padding: '8px 0' }}>
              <div>
                <code style={longText}>{key.keyId}</code>
              </div>
              <div>
                {key.algorithm} · {status(key)}
              </div>
              <div>
                {pt('validFrom')} {formatDateTime(key.validFrom)}
              </div>
              <div>
                {pt('validUntil')} {key.validUntil ? formatDateTime(key.validUntil) : pt('noEnd')}
              </div>
              {retireButton(key)}
            </li>
          ))}
        </ul>
      ) : (
        <Table<PeerKey>
          rowKey="keyId"
          size="small"
          pagination={false}
          dataSource={peer.keys}
          columns={[
            { title: pt('keyId'), render: (_, k) => <code style={longText}>{k.keyId}</code> },
            { title: pt('algorithm'), dataIndex: 'algorithm' },
            { title: pt('validFrom'), render: (_, k) => formatDateTime(k.validFrom) },
            {
              title: pt('validUntil'),
              render: (_, k) => (k.validUntil ? formatDateTime(k.validUntil) : pt('noEnd')),
            },
            { title: pt('status'), render: (_, k) => status(k) },
            { title: pt('retire'), render: (_, k) => retireButton(k) },
          ]}
        />
      )}
      <Button style={{ marginTop: 12 }} onClick={onAddKey}>
        {pt('addKeyTo', { name: peer.name })}
      </Button>
    </section>
  );
}
