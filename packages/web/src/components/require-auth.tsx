import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useSession } from '../session.tsx';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading, signedOut } = useSession();
  const location = useLocation();
  if (loading) {
    return (
      <main style={{ padding: 48, textAlign: 'center' }} aria-busy="true">
        <Spin />
      </main>
    );
  }
  if (!me) {
    return (
      <Navigate
        to="/login"
        replace
        state={signedOut ? null : { from: location.pathname + location.search }}
      />
    );
  }
  return <>{children}</>;
}
