import { Alert, App, Button, Card, Checkbox, Modal, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { type AdminUser, listUsers, setUserRoles } from '../../api/admin.ts';
import { ApiError } from '../../api/client.ts';
import { PageHeading } from '../../components/page-title.tsx';
import { ToneTag } from '../../components/status-tag.tsx';
import { labelOf, ROLE } from '../../domain-labels.ts';
import { hasPermission, useMe, useSession } from '../../session.tsx';
import { formatDateTime } from '../../format.ts';
import { AccountButtons, CreateAccount } from './account-actions.tsx';
import { useAccountText } from './account-text.ts';
import { useAdminText } from './admin-text.ts';

const PLATFORM_ROLES = {
  mediation: ['investor', 'agent', 'respondent', 'mediator', 'org_admin', 'loss_analyst', 'regulator'],
  court: ['filing_officer', 'judge', 'court_admin'],
} as const;
const ADMIN_ROLES = ['sys_admin', 'sec_admin', 'audit_admin'];

/** Accounts and roles: read by the system administrator, edited by the security administrator. */
export default function UsersPage() {
  const { pt, lang } = useAdminText();
  const { platform } = useSession();
  const me = useMe();
  const { message } = App.useApp();
  const canGrant = hasPermission(me, 'role.grant');
  const canManage = hasPermission(me, 'user.manage');
  const { pt: at } = useAccountText();
  const [users, setUsers] = useState<AdminUser[]>([]);
  const [organizations, setOrganizations] = useState<{ id: string; name: string }[]>([]);
  const [loading, setLoading] = useState(true);
  const [editing, setEditing] = useState<AdminUser | null>(null);
  const [roles, setRoles] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const load = useCallback(() => {
    setLoading(true);
    listUsers()
      .then((r) => {
        setUsers(r.items);
        setOrganizations(r.organizations);
      })
      .catch(() => {})
      .finally(() => setLoading(false));
  }, []);
  useEffect(load, [load]);

  const open = (user: AdminUser) => {
    setEditing(user);
    setRoles(user.roles);
    setError(null);
  };
  const save = async () => {
    if (!editing) return;
    setSaving(true);
    try {
      await setUserRoles(editing.id, roles);
      message.success(pt('saved'));
      setEditing(null);
      load();
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : String(cause));
    } finally {
      setSaving(false);
    }
  };
  const roleOptions = [...PLATFORM_ROLES[platform], ...ADMIN_ROLES].map((r) => ({
    value: r,
    label: labelOf(ROLE, r, lang),
  }));

  return (
    <>
      <PageHeading
        title={pt('usersTitle')}
        sub={pt('usersSub')}
        extra={
          canManage ? (
            <CreateAccount roles={PLATFORM_ROLES[platform]} organizations={organizations} onCreated={load} />
          ) : null
        }
      />
      <Card>
        <Table<AdminUser>
          rowKey="id"
          loading={loading}
          dataSource={users}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: pt('username'), dataIndex: 'username' },
            { title: pt('name'), dataIndex: 'displayName' },
            { title: pt('organization'), dataIndex: 'organizationName' },
            {
              title: pt('roles'),
              render: (_, u) => (
                <span style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap' }}>
                  {u.roles.map((r) => (
                    <ToneTag key={r} tone={ADMIN_ROLES.includes(r) ? 'warning' : 'info'}>
                      {labelOf(ROLE, r, lang)}
                    </ToneTag>
                  ))}
                  {u.disabled ? <ToneTag tone="danger">{pt('disabled')}</ToneTag> : null}
                  {u.lockedUntil ? (
                    <ToneTag tone="warning">{at('locked', { until: formatDateTime(u.lockedUntil) })}</ToneTag>
                  ) : null}
                </span>
              ),
            },
            ...(canManage
              ? [
                  {
                    title: at('actions'),
                    render: (_: unknown, u: AdminUser) => (
                      <AccountButtons user={u} self={u.id === me.user.id} onDone={load} />
                    ),
                  },
                ]
              : []),
            ...(canGrant
              ? [
                  {
                    title: pt('actions'),
                    render: (_: unknown, u: AdminUser) =>
                      u.id === me.user.id ? null : (
                        <Button
                          size="small"
                          onClick={() => open(u)}
                          aria-label={pt('editRolesOf', { name: u.username })}
                        >
                          {pt('editRoles')}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={editing ? pt('editRolesOf', { name: editing.displayName }) : ''}
        okText={pt('save')}
        cancelText={pt('cancel')}
        confirmLoading={saving}
        onOk={save}
        onCancel={() => setEditing(null)}
      >
        {error ? (
          <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />
        ) : null}
        <Checkbox.Group
          aria-label={pt('roles')}
          value={roles}
          onChange={(v) => setRoles(v as string[])}
          options={roleOptions}
          style={{ display: 'grid', gap: 8 }}
        />
      </Modal>
    </>
  );
}
