import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CommonErrors } from '../errors/app-error';
import { PLATFORM_KEY, PUBLIC_KEY, ROLES_KEY, requestOf } from './decorators';
import { Role } from './roles';
import type { RequestWithAuth } from './auth-context';
import { AuthService } from '../../modules/auth/auth.service';

/** Authenticates the request's bearer credential once (sets `request.auth`); a request without one stays anonymous. */
export async function authenticateRequest(auth: AuthService, request: RequestWithAuth): Promise<RequestWithAuth> {
  const header = request.headers['authorization'];
  const value = Array.isArray(header) ? header[0] : header;
  // The client address goes with the credential: sign-in throttling and the audit log record where a call came from.
  // The context itself (a new object per call), not a copy: AuthService knows the row it was checked against by it.
  if (value && !request.auth) request.auth = Object.assign(await auth.authenticate(value), { ip: request.ip });
  return request;
}

/**
 * The global guard: authenticates the bearer credential, then admits the call only when the handler
 * names the caller's role. A handler that names no roles is denied (default deny).
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
    const request = requestOf(context);
    // The platform operator's credential belongs to no tenant: it never becomes an AuthContext.
    if (this.reflector.getAllAndOverride<boolean>(PLATFORM_KEY, targets)) {
      const header = request.headers['authorization'];
      this.auth.assertPlatformOperator(Array.isArray(header) ? header[0] : header);
      return true;
    }
    try {
      await authenticateRequest(this.auth, request);
    } catch (error) {
      // A public route ignores a credential that is not ours (the metrics scrape token, a stale session).
      if (!isPublic) throw error;
    }
    if (isPublic) return true;
    if (!request.auth) throw CommonErrors.create('UNAUTHENTICATED');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || !roles.includes(request.auth.role)) throw CommonErrors.create('FORBIDDEN');
    return true;
  }
}
