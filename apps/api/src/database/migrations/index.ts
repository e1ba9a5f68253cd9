import { Foundation1764000000000 } from './1764000000000-Foundation';
import { Complaints1764100000000 } from './1764100000000-Complaints';
import { PolicyAndAudit1764000700042 } from './1764000700042-PolicyAndAudit';
import { SlaClocks1764100900731 } from './1764100900731-SlaClocks';
import { Analytics1764300517203 } from './1764300517203-Analytics';
import { PluginHost1764200300517 } from './1764200300517-PluginHost';
import { ClassifierModels1764400812377 } from './1764400812377-ClassifierModels';
import { StatsRollup1764501730911 } from './1764501730911-StatsRollup';
import { IntakeFingerprintAndClockRounds1765000200001 } from './1765000200001-IntakeFingerprintAndClockRounds';
import { Access1765000400001 } from './1765000400001-Access';
import { SecondFactor1765000400002 } from './1765000400002-SecondFactor';
import { Sso1765000400003 } from './1765000400003-Sso';
import { Notifications1765000500001 } from './1765000500001-Notifications';
import { ClassifierGate1765000600001 } from './1765000600001-ClassifierGate';
import { Incidents1765000900001 } from './1765000900001-Incidents';
import { Attachments1765001000001 } from './1765001000001-Attachments';
import { FreeTextAtRest1765001100001 } from './1765001100001-FreeTextAtRest';
import { MembershipPerTenant1765001200001 } from './1765001200001-MembershipPerTenant';
import { EffectiveResolutionRollup1765001600001 } from './1765001600001-EffectiveResolutionRollup';
import { WorkQueueIndex1765001600002 } from './1765001600002-WorkQueueIndex';
import { RoundRobinIndex1765001700001 } from './1765001700001-RoundRobinIndex';
import { PolicyApprovalProgress1765001800001 } from './1765001800001-PolicyApprovalProgress';
import { ExtensionApprovalProgress1765001800002 } from './1765001800002-ExtensionApprovalProgress';
import { PendingClosure1765001800003 } from './1765001800003-PendingClosure';

/** Every migration in order. They use the QueryRunner API so each runs on SQLite and PostgreSQL. */
export const MIGRATIONS: Function[] = [
  Foundation1764000000000,
  PolicyAndAudit1764000700042,
  Complaints1764100000000,
  SlaClocks1764100900731,
  PluginHost1764200300517,
  Analytics1764300517203,
  ClassifierModels1764400812377,
  StatsRollup1764501730911,
  IntakeFingerprintAndClockRounds1765000200001,
  Access1765000400001,
  SecondFactor1765000400002,
  Sso1765000400003,
  Notifications1765000500001,
  ClassifierGate1765000600001,
  Incidents1765000900001,
  Attachments1765001000001,
  FreeTextAtRest1765001100001,
  MembershipPerTenant1765001200001,
  EffectiveResolutionRollup1765001600001,
  WorkQueueIndex1765001600002,
  RoundRobinIndex1765001700001,
  PolicyApprovalProgress1765001800001,
  ExtensionApprovalProgress1765001800002,
  PendingClosure1765001800003,
];
