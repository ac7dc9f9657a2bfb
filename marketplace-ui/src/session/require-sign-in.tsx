/** Routes that need a signed-in person send everyone else to the sign-in page and back. */
import { Navigate, Outlet, useLocation } from 'react-router';
import { Loading } from '../components/status';
import { useSession } from './session-context';

export function RequireSignIn() {
  const session = useSession();
  const location = useLocation();
  if (session.loading) return <Loading what="your account" />;
  if (!session.viewer) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Outlet />;
}
