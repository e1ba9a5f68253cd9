import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Role } from './roles';
import type { AuthContext, RequestWithAuth } from './auth-context';

export const ROLES_KEY = 'redress:roles';
export const PUBLIC_KEY = 'redress:public';
export const PLATFORM_KEY = 'redress:platform';

/** The roles that may call this resolver or route. Without it (or @Public) the guard denies. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** Callable without credentials (login, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Callable only with the platform operator's credential (REDRESS_PLATFORM_TOKEN), never with a tenant's. */
export const PlatformOperator = () => SetMetadata(PLATFORM_KEY, true);

export function requestOf(context: ExecutionContext): RequestWithAuth {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext().req;
  return context.switchToHttp().getRequest();
}

/** The caller's credentials (tenant, role, user). */
export const Auth = createParamDecorator((_data: unknown, context: ExecutionContext): AuthContext => {
  const auth = requestOf(context).auth;
  if (!auth) throw new Error('Auth used on a route without authentication');
  return auth;
});

/** The caller's client address (works on public resolvers too, e.g. sign-in). */
export const ClientAddress = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => requestOf(context).ip);
