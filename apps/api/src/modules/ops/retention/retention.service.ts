import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../../common/clock';
import type { AuthContext } from '../../../common/auth/auth-context';
import { APP_CONFIG } from '../../../config/config.module';
import type { AppConfig } from '../../../config/config';
import { AuditService } from '../../audit/audit.service';
import { PolicyService } from '../../policy/policy.service';
import { ATTACHMENT_STORAGE, type AttachmentStorage } from '../../attachment/attachment-storage';
import { RetentionPurger, type RetentionReport } from './retention';

/** The retention purge inside the API (GraphQL); the `npm run retention` CLI builds the same purger by hand. */
@Injectable()
export class RetentionService {
  private readonly purger: RetentionPurger;

  constructor(
    dataSource: DataSource,
    clock: Clock,
    audit: AuditService,
    policies: PolicyService,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(ATTACHMENT_STORAGE) storage: AttachmentStorage,
  ) {
    this.purger = new RetentionPurger({
      dataSource,
      clock,
      audit,
      dataDir: config.dataDir,
      storage,
      currentPolicy: (tenantId) => policies.getCurrent(tenantId),
    });
  }

  report(auth: AuthContext): Promise<RetentionReport> {
    return this.purger.report(auth.tenantId);
  }

  run(auth: AuthContext, dryRun: boolean): Promise<RetentionReport> {
    return dryRun ? this.purger.report(auth.tenantId) : this.purger.purge(auth);
  }
}
