/**
 * Who is signed in: the viewer query, sign-in (password or demo role) and
 * sign-out. Screens read the viewer's workspaces, publishers and platform role.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { request, setCsrfToken } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { DemoRole, ViewerQuery } from '../graphql/generated/graphql';

const ViewerDocument = graphql(`
  query Viewer {
    viewer {
      user { id email name }
      platformRole
      workspaces { role workspace { id name slug } }
      publishers { role publisher { id name slug } }
    }
  }
`);

const LoginDocument = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) { csrfToken user { id } }
  }
`);

const DemoLoginDocument = graphql(`
  mutation DemoLogin($role: DemoRole!) {
    demoLogin(role: $role) { csrfToken user { id } }
  }
`);

const LogoutDocument = graphql(`
  mutation Logout {
    logout
  }
`);

export type Viewer = NonNullable<ViewerQuery['viewer']>;

interface Session {
  viewer: Viewer | null;
  loading: boolean;
  /** The first workspace the viewer administers (where installs go). */
  workspaceId: string | undefined;
  login(email: string, password: string): Promise<void>;
  demoLogin(role: DemoRole): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const viewer = useQuery({ queryKey: ['viewer'], queryFn: () => request(ViewerDocument) });
  // Another person's data must not survive a sign-in or sign-out: reset every query (active ones refetch).
  const refresh = () => queryClient.resetQueries();
  const value: Session = {
    viewer: viewer.data?.viewer ?? null,
    loading: viewer.isPending,
    workspaceId: viewer.data?.viewer?.workspaces.find((w) => w.role === 'ADMIN')?.workspace.id ?? viewer.data?.viewer?.workspaces[0]?.workspace.id,
    login: async (email, password) => {
      const { login } = await request(LoginDocument, { email, password });
      setCsrfToken(login.csrfToken);
      await refresh();
    },
    demoLogin: async (role) => {
      const { demoLogin } = await request(DemoLoginDocument, { role });
      setCsrfToken(demoLogin.csrfToken);
      await refresh();
    },
    logout: async () => {
      try {
        await request(LogoutDocument);
      } finally {
        setCsrfToken(null);
        await refresh();
      }
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider');
  return session;
}
