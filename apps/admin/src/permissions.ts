/**
 * What each role may see in the console. Mirrors the API's @Roles on the operations behind each area; the API
 * remains the authority (it denies anyway), this only keeps menus free of doors that would not open.
 */
export type Role = 'admin' | 'manager' | 'handler' | 'agent' | 'analyst' | 'expert' | 'auditor' | 'api_client';

export type Area =
  | 'dashboard'
  | 'complaints'
  | 'intake'
  | 'policy'
  | 'rules'
  | 'publishing'
  | 'approve'
  | 'plugins'
  | 'users'
  | 'audit'
  | 'confirmCause'
  | 'trainModel'
  | 'exportStats'
  | 'acknowledgeAlerts'
  | 'deliveries'
  | 'notificationSettings'
  | 'bell'
  | 'profile'
  | 'tenantSettings'
  | 'overdue';

const ACCESS: Record<Area, Role[]> = {
  dashboard: ['admin', 'manager', 'analyst', 'expert', 'auditor'],
  complaints: ['admin', 'manager', 'handler', 'agent', 'analyst', 'expert', 'auditor'],
  intake: ['admin', 'manager', 'agent'],
  policy: ['admin'],
  rules: ['admin'],
  publishing: ['admin', 'manager', 'auditor'],
  approve: ['admin', 'manager'],
  // The overdue & escalations view: who answers for late complaints and their escalations.
  overdue: ['admin', 'manager'],
  plugins: ['admin'],
  users: ['admin'],
  audit: ['admin', 'auditor'],
  // Complaint-cause classifier: who may accept / correct a cause (feeds training) and who may train a model.
  confirmCause: ['admin', 'manager', 'handler', 'analyst', 'expert'],
  trainModel: ['admin', 'analyst', 'expert'],
  exportStats: ['admin', 'manager', 'analyst', 'expert', 'auditor'],
  acknowledgeAlerts: ['admin', 'manager', 'analyst'],
  // Deliveries: who reads what left Redress (admins retry and replay); channel settings are the admin's; everyone on staff has a bell.
  deliveries: ['admin', 'manager', 'auditor'],
  notificationSettings: ['admin'],
  bell: ['admin', 'manager', 'handler', 'agent', 'analyst', 'expert', 'auditor'],
  // Everyone who signs in with a password has a profile (password, second factor).
  profile: ['admin', 'manager', 'handler', 'agent', 'analyst', 'expert', 'auditor'],
  tenantSettings: ['admin'],
};

export function can(role: string | undefined, area: Area): boolean {
  return !!role && ACCESS[area].includes(role as Role);
}

/** The console area a react-admin resource belongs to. */
export const RESOURCE_AREA: Record<string, Area> = {
  complaints: 'complaints',
  myQueue: 'complaints',
  complaintTypes: 'policy',
  fields: 'policy',
  channels: 'policy',
  departments: 'policy',
  teams: 'policy',
  severityLevels: 'policy',
  calendars: 'policy',
  holidaySchedules: 'policy',
  findingCodes: 'policy',
  slaPolicies: 'policy',
  escalations: 'policy',
  incidentRules: 'policy',
  workflows: 'policy',
  incidents: 'complaints',
  templates: 'policy',
  notices: 'policy',
  tests: 'rules',
  policyVersions: 'publishing',
  plugins: 'plugins',
  users: 'users',
  apiTokens: 'users',
  auditLog: 'audit',
  approvals: 'approve',
  overdue: 'overdue',
};

/** Where a role lands after signing in. */
export function homeFor(role: string | undefined): string {
  if (can(role, 'dashboard')) return '/';
  if (can(role, 'intake')) return '/intake';
  return '/complaints';
}
