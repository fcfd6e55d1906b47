import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Output } from '#shared/contract';
import { api, ApiError } from '../api/client';

type Me = Output<'access.me'>;

interface SessionValue {
  me: Me | null;
  signIn: (memberId: number, pin: string) => Promise<void>;
  signOut: () => Promise<void>;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const refresh = useCallback(async () => {
    try {
      setMe(await api.call('access.me', {}));
    } catch {
      setMe({ role: 'citizen', member: null, pinChangeRequired: false });
    }
  }, []);
  useEffect(() => void refresh(), [refresh]);

  const value: SessionValue = {
    me,
    refresh,
    async signIn(memberId, pin) {
      const session = await api.call('access.signIn', { memberId, pin });
      api.setToken(session.token);
      await refresh();
    },
    async signOut() {
      await api.call('access.signOut', {}).catch((e: unknown) => {
        if (!(e instanceof ApiError)) throw e;
      });
      api.setToken(null);
      await refresh();
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
