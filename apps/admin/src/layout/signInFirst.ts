/**
 * A visitor who is not signed in goes straight to `#/login` before React starts.
 *
 * Why not let `<Admin requireAuth>` do it: react-admin renders `LogoutOnMount` for an anonymous visitor, whose
 * logout navigates to `/login` and then clears the query cache; the still-mounted routes refetch `checkAuth` and
 * `getPermissions`, which answer at once from localStorage, so `LogoutOnMount` mounts again before react-router has
 * committed the navigation — 2,800–3,800 `#/login` navigations and 9–17 s before the sign-in page appeared
 * (react-admin issue #10764; its fix, PR #10769, only narrows the race). The anonymous visitor never enters that
 * path now. (Login always redirects to the role's home page, so the asked-for route need not be remembered.)
 */
/** Pages reached without signing in: the sign-in page, invitation and reset links, the single sign-on callback. */
export const PUBLIC_PATHS = ['/login', '/accept-invitation', '/reset-password', '/sso-callback'];

export function needsSignIn(hash: string, token: string | null, now: number): boolean {
  const pathname = (hash.replace(/^#/, '') || '/').split('?')[0];
  if (PUBLIC_PATHS.includes(pathname)) return false;
  return token === null || expired(token, now);
}

/** A JWT whose `exp` has passed (the API would refuse it): the visitor is as good as anonymous. */
export function expired(token: string, now: number): boolean {
  const payload = token.split('.')[1];
  if (!payload) return false; // not a JWT: let the API decide
  try {
    const { exp } = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return typeof exp === 'number' && exp * 1000 <= now;
  } catch {
    return false;
  }
}

/** Replaces the current route with `#/login` when `needsSignIn` (no history entry: Back does not return to it). */
export function sendAnonymousVisitorToSignIn(token: string | null, clearSession: () => void): void {
  if (!needsSignIn(window.location.hash, token, Date.now())) return;
  if (token !== null) clearSession();
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/login`);
}
