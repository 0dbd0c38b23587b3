import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { Loading } from '../components/Loading.tsx';
import { PageError } from '../components/PageError.tsx';
import { justSignedOut, useMe } from '../features/auth/session.ts';
import { safeNextPath, signInPath } from '../features/auth/next-path.ts';

/** Pages for signed-in people; anyone else goes to sign-in and comes back here afterwards. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <PageError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to={justSignedOut() ? '/signin' : signInPath(location.pathname + location.search)} replace />;
  return <Outlet />;
}

/** Sign-in and sign-up: someone already signed in goes straight to where they were headed. */
export function PublicOnly() {
  const me = useMe();
  const [params] = useSearchParams();
  if (me.isPending) return <Loading />;
  if (me.data) return <Navigate to={safeNextPath(params.get('next'))} replace />;
  return <Outlet />;
}
