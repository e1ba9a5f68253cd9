import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Auth, Roles } from '../../common/auth/decorators';
import { Role } from '../../common/auth/roles';
import type { AuthContext } from '../../common/auth/auth-context';
import { AuditService } from './audit.service';
import { AUDIT_PAGE_DEFAULT, AuditConnection, AuditFilterInput } from './dtos/audit.types';
import { PageSizePipe } from '../../common/page-size.pipe';

@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Roles(Role.admin, Role.auditor)
  @Query(() => AuditConnection, { description: 'Configuration changes of the caller’s tenant, newest first.' })
  async auditLog(
    @Auth() auth: AuthContext,
    @Args('filter', { type: () => AuditFilterInput, nullable: true }) filter?: AuditFilterInput,
    @Args('first', { type: () => Int, nullable: true, defaultValue: AUDIT_PAGE_DEFAULT }, PageSizePipe) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<AuditConnection> {
    const page = await this.audit.list(auth.tenantId, filter ?? {}, first ?? AUDIT_PAGE_DEFAULT, after);
    return { nodes: page.nodes, pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage } };
  }
}
