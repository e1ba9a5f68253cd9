import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Auth, Roles } from '../../common/auth/decorators';
import { Role } from '../../common/auth/roles';
import type { AuthContext } from '../../common/auth/auth-context';
import { AuditService } from './audit.service';
import { AuthService } from '../auth/auth.service';
import { AUDIT_PAGE_DEFAULT, AuditConnection, AuditFilterInput } from './dtos/audit.types';
import { PageSizePipe } from '../../common/page-size.pipe';

@Resolver()
export class AuditResolver {
  constructor(
    private readonly audit: AuditService,
    private readonly auth: AuthService,
  ) {}

  @Roles(Role.admin, Role.auditor)
  @Query(() => AuditConnection, { description: 'Configuration changes of the caller’s tenant, newest first.' })
  async auditLog(
    @Auth() auth: AuthContext,
    @Args('filter', { type: () => AuditFilterInput, nullable: true }) filter?: AuditFilterInput,
    @Args('first', { type: () => Int, nullable: true, defaultValue: AUDIT_PAGE_DEFAULT }, PageSizePipe) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<AuditConnection> {
    const page = await this.audit.list(auth.tenantId, filter ?? {}, first ?? AUDIT_PAGE_DEFAULT, after);
    // The log stores ids (it must survive renamed users); readers want to know who, so the page's actors are
    // looked up in one query each for users and tokens.
    const actors = await this.auth.describeActors(
      auth.tenantId,
      page.nodes.flatMap((n) => (n.actorId ? [n.actorId] : [])),
    );
    const nodes = page.nodes.map((node) => {
      const actor = node.actorId ? actors.get(node.actorId) : undefined;
      return { ...node, actorEmail: actor?.email ?? null, actorName: actor?.name ?? null };
    });
    return { nodes, pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage } };
  }
}
