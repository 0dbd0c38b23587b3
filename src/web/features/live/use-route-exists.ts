import { useContext } from 'react';
import { matchRoutes, UNSAFE_DataRouterContext } from 'react-router';

/**
 * Whether the app has a page at `path` other than the catch-all "not found". Pages owned by
 * other features (the readiness view) get a link only once they exist.
 */
export function useRouteExists(path: string): boolean {
  const context = useContext(UNSAFE_DataRouterContext);
  const routes = context?.router.routes;
  if (!routes) return false;
  const matches = matchRoutes(routes, path);
  const last = matches?.at(-1);
  return Boolean(last && last.route.path !== '*');
}
