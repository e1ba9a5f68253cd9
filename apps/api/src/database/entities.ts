import { Tenant } from '../modules/tenant/tenant.entity';
import { User } from '../modules/auth/user.entity';
import { ApiToken } from '../modules/auth/api-token.entity';
import { AccessLink } from '../modules/auth/access-link.entity';
import { OidcLogin } from '../modules/auth/oidc-login.entity';
import { PlatformAuditLog } from '../modules/auth/platform-audit-log.entity';
import { Customer } from '../modules/customer/customer.entity';
import { Complaint, ComplaintCounter, ComplaintEvent, ComplaintReply, ComplaintTask } from '../modules/complaint/complaint.entity';
import { OutboxMessage } from '../modules/outbox/outbox.entity';
import { PolicyDraftItem } from '../modules/policy/policy-draft-item.entity';
import { PolicyVersion } from '../modules/policy/policy-version.entity';
import { AuditLog } from '../modules/audit/audit-log.entity';
import { SlaClock, SlaExtensionRequest } from '../modules/sla/sla-clock.entity';
import {
  AnalyticsAlert,
  ComplaintDailyOnTime,
  ComplaintDailyStats,
  ExportJob,
  StatsRollupState,
  WeeklyReport,
} from '../modules/analytics/analytics.entity';
import { PluginFailure, PluginInstallation } from '../modules/plugin-host/plugin-installation.entity';
import { ClassifierModel } from '../modules/intelligence/classifier-model.entity';
import { Incident, IncidentMember } from '../modules/incident/incident.entity';
import { Attachment } from '../modules/attachment/attachment.entity';
import { PortalAccess, PortalCode, PortalRate } from '../modules/portal/portal.entity';
import { ChannelSetting, Delivery, StaffNotification, WebhookSubscription } from '../modules/notification/notification.entity';

/** Every TypeORM entity of the API. A new module adds its entities here. */
export const ENTITIES: Function[] = [
  Tenant,
  User,
  ApiToken,
  AccessLink,
  OidcLogin,
  PolicyDraftItem,
  PolicyVersion,
  AuditLog,
  Customer,
  Complaint,
  ComplaintEvent,
  ComplaintTask,
  ComplaintReply,
  ComplaintCounter,
  OutboxMessage,
  SlaClock,
  SlaExtensionRequest,
  AnalyticsAlert,
  WeeklyReport,
  ExportJob,
  ComplaintDailyStats,
  ComplaintDailyOnTime,
  StatsRollupState,
  PluginInstallation,
  PluginFailure,
  ClassifierModel,
  Incident,
  IncidentMember,
  Delivery,
  ChannelSetting,
  WebhookSubscription,
  StaffNotification,
  PlatformAuditLog,
  Attachment,
  PortalAccess,
  PortalCode,
  PortalRate,
];
