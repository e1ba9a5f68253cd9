import type { DynamicModule, Type } from '@nestjs/common';
import { AuditModule } from './modules/audit/audit.module';
import { PolicyModule } from './modules/policy/policy.module';
import { OutboxModule } from './modules/outbox/outbox.module';
import { ComplaintModule } from './modules/complaint/complaint.module';
import { SlaModule } from './modules/sla/sla.module';
import { AnalyticsModule } from './modules/analytics/analytics.module';
import { IntelligenceModule } from './modules/intelligence/intelligence.module';
import { IncidentModule } from './modules/incident/incident.module';
import { NotificationModule } from './modules/notification/notification.module';
import { AttachmentModule } from './modules/attachment/attachment.module';
import { PortalModule } from './modules/portal/portal.module';

/** Domain modules (policy, complaint, sla, …). Each module adds itself here. */
export const FEATURE_MODULES: Array<Type<unknown> | DynamicModule> = [
  AuditModule,
  PolicyModule,
  AttachmentModule,
  OutboxModule,
  ComplaintModule,
  SlaModule,
  AnalyticsModule,
  IntelligenceModule,
  NotificationModule,
  IncidentModule,
  PortalModule,
];
