import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  configureClient,
  getMe,
  login as apiLogin,
  logout as apiLogout,
  register as apiRegister,
  setCsrfToken,
} from './api/client.ts';
import type { Me, Platform, RegisterInput } from './api/types.ts';

export interface Session {
  platform: Platform;
  me: Me | null;
  loading: boolean;
  /** Set when the server ended the session; the login page shows it once. */
  expiredNotice: boolean;
  /** The user signed out on purpose: the next sign-in starts at the workbench, not at the last page. */
  signedOut: boolean;
  signIn(username: string, password: string): Promise<Me>;
  /** Investor self-registration; the new user is signed in. */
  signUp(input: RegisterInput): Promise<Me>;
  signOut(): Promise<void>;
  refresh(): Promise<void>;
  clearExpiredNotice(): void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only call below <RequireAuth>. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}

export function hasRole(me: Me, ...roles: string[]): boolean {
  return me.user.roles.some((role) => roles.includes(role));
}

export function hasPermission(me: Me, ...permissions: string[]): boolean {
  return me.permissions.some((permission) => permissions.includes(permission));
}

export function SessionProvider({ platform, children }: { platform: Platform; children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const [expiredNotice, setExpiredNotice] = useState(false);
  const [signedOut, setSignedOut] = useState(false);
  const navigate = useNavigate();

  const refresh = useCallback(async () => {
    try {
      setMe(await getMe());
    } catch {
      setMe(null);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // A 401 on any call means the session is gone: back to login, remembering where the user was.
  useEffect(() => {
    configureClient({
      onSessionLost: () => {
        setCsrfToken(null);
        setMe((previous) => {
          if (previous) setExpiredNotice(true);
          return null;
        });
        if (!window.location.pathname.startsWith('/login')) {
          navigate('/login', {
            replace: true,
            state: { from: window.location.pathname + window.location.search },
          });
        }
      },
    });
  }, [navigate]);

  // /api/me carries the permissions the menu is built from.
  const adoptSession = useCallback(async () => {
    const next = await getMe();
    setMe(next);
    setExpiredNotice(false);
    setSignedOut(false);
    return next;
  }, []);

  const signIn = useCallback(
    async (username: string, password: string) => {
      await apiLogin(username, password);
      return adoptSession();
    },
    [adoptSession],
  );

  const signUp = useCallback(
    async (input: RegisterInput) => {
      await apiRegister(input);
      return adoptSession();
    },
    [adoptSession],
  );

  const signOut = useCallback(async () => {
    try {
      await apiLogout();
    } finally {
      setSignedOut(true);
      setMe(null);
      navigate('/login', { replace: true });
    }
  }, [navigate]);

  const clearExpiredNotice = useCallback(() => setExpiredNotice(false), []);

  const value = useMemo<Session>(
    () => ({
      platform,
      me,
      loading,
      expiredNotice,
      signedOut,
      signIn,
      signUp,
      signOut,
      refresh,
      clearExpiredNotice,
    }),
    [platform, me, loading, expiredNotice, signedOut, signIn, signUp, signOut, refresh, clearExpiredNotice],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
