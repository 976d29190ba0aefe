import type { Permission } from '@citygov/domain/permissions';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { SessionUser } from './session-api';

interface Session {
  user: SessionUser;
  can: (permission: Permission) => boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  const value = useMemo<Session>(() => {
    const granted = new Set<Permission>(user.permissions);
    return { user, can: (permission) => granted.has(permission) };
  }, [user]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The signed-in user; only valid below the session guard of the app shell. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside the signed-in app shell');
  return session;
}
