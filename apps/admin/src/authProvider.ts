import type { AuthProvider } from 'react-admin';
import { gql, tokenStore } from './graphql/client';
import { resetSchema } from './graphql/schema';
import { can, homeFor, RESOURCE_AREA, type Area } from './permissions';

export interface ConsoleUser {
  id: string;
  email: string;
  role: string;
  displayName?: string | null;
  tenant?: { name: string; slug?: string } | null;
}

const USER_KEY = 'redress.user';
const USER_FIELDS = 'id email role displayName tenant { name slug }';

export const userStore = {
  get(): ConsoleUser | null {
    try {
      return JSON.parse(localStorage.getItem(USER_KEY) ?? 'null');
    } catch {
      return null;
    }
  },
  set: (user: ConsoleUser) => localStorage.setItem(USER_KEY, JSON.stringify(user)),
  clear: () => localStorage.removeItem(USER_KEY),
};

export interface ConsoleSession {
  token: string;
  user: ConsoleUser;
}

/** The fields of a session payload (login, acceptInvitation, resetPassword, completeSsoLogin, changePassword). */
export const SESSION_FIELDS = `{ token user { ${USER_FIELDS} } }`;

/** Keeps a session the API handed out; returns where the role lands. */
export function startSession(session: ConsoleSession): string {
  tokenStore.set(session.token);
  userStore.set(session.user);
  resetSchema();
  // Agents land on the intake form, handlers on their queue, administrators on the dashboard.
  return homeFor(session.user.role);
}

/** Signs in with the API's `login` and keeps the bearer token; the role decides what the console shows. */
export const authProvider: AuthProvider = {
  async login({
    username,
    email,
    password,
    code,
    tenant,
  }: {
    username?: string;
    email?: string;
    password: string;
    code?: string;
    tenant?: string;
  }) {
    // `tenant` (a slug) picks the membership when the e-mail belongs to several tenants.
    const data = await gql<{ login: ConsoleSession }>(
      `mutation ConsoleLogin($email: String!, $password: String!, $code: String, $tenant: String) { login(email: $email, password: $password, code: $code, tenant: $tenant) ${SESSION_FIELDS} }`,
      { email: email ?? username, password, code: code || null, tenant: tenant?.trim() || null },
    );
    return { redirectTo: startSession(data.login) };
  },
  async logout() {
    tokenStore.clear();
    userStore.clear();
  },
  async checkAuth() {
    if (!tokenStore.get()) throw new Error('ra.auth.auth_check_error');
  },
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      tokenStore.clear();
      userStore.clear();
      throw new Error('ra.notification.logged_out');
    }
  },
  async getIdentity() {
    let user = userStore.get();
    if (!user && tokenStore.get()) {
      user = (await gql<{ me: ConsoleUser }>(`query ConsoleMe { me { ${USER_FIELDS} } }`)).me;
      userStore.set(user);
    }
    if (!user) throw new Error('ra.auth.auth_check_error');
    return { id: user.id, fullName: user.displayName ?? user.email, role: user.role, tenantName: user.tenant?.name };
  },
  async getPermissions() {
    return userStore.get()?.role;
  },
  async canAccess({ resource }: { resource: string; action: string }) {
    const area: Area | undefined = RESOURCE_AREA[resource] ?? (resource as Area);
    return can(userStore.get()?.role, area);
  },
};
