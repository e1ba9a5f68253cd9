export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format. */
  DateTime: { input: string; output: string; }
  /** Any JSON value (object, array, string, number, boolean or null), nested at most 100 levels. */
  JSON: { input: unknown; output: unknown; }
};

/** A single-use link (invitation or password reset) for one person. */
export type AccessLinkPayload = {
  __typename?: 'AccessLinkPayload';
  /** True when the link was e-mailed to the person. */
  delivered: Scalars['Boolean']['output'];
  expiresAt: Scalars['DateTime']['output'];
  /** The link, when it was not e-mailed: pass it on to the person. Shown once. */
  link?: Maybe<Scalars['String']['output']>;
  user: User;
};

export type AlertStatus =
  | 'ACKNOWLEDGED'
  | 'OPEN';

/** 预警: a spike or a repeat complainant, with its evidence. */
export type AnalyticsAlertView = {
  __typename?: 'AnalyticsAlertView';
  acknowledgedAt?: Maybe<Scalars['DateTime']['output']>;
  baselineMean: Scalars['Float']['output'];
  complaintIds: Array<Scalars['ID']['output']>;
  /** Local day YYYY-MM-DD. */
  day: Scalars['String']['output'];
  /** cause | type | region | customer */
  dimension: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  key: Scalars['String']['output'];
  /** spike | repeat_complainant */
  kind: Scalars['String']['output'];
  message: Scalars['String']['output'];
  observed: Scalars['Int']['output'];
  pValue?: Maybe<Scalars['Float']['output']>;
  raisedAt: Scalars['DateTime']['output'];
  status: AlertStatus;
  windowDays: Scalars['Int']['output'];
};

/** A long-lived credential for an API client, scoped to one tenant and role. The secret is shown once. */
export type ApiToken = {
  __typename?: 'ApiToken';
  createdAt: Scalars['DateTime']['output'];
  createdBy?: Maybe<Scalars['String']['output']>;
  /** Refused from this instant on; null never expires. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** Updated at most once a minute. */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  role: Role;
};

export type ApiTokenPayload = {
  __typename?: 'ApiTokenPayload';
  /** The full secret. Shown once; store it now. */
  secret: Scalars['String']['output'];
  token: ApiToken;
};

/** Who may sign: every given member must match (a role, a department of the user, a named person). */
export type ApprovalApprover = {
  __typename?: 'ApprovalApprover';
  /** The department key of the signer’s user account. */
  department?: Maybe<Scalars['String']['output']>;
  role?: Maybe<Scalars['String']['output']>;
  /** A named person’s e-mail. */
  user?: Maybe<Scalars['String']['output']>;
};

export type ApprovalApproverInput = {
  /** The department key of the signer’s user account. */
  department?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<Scalars['String']['input']>;
  /** A named person’s e-mail. */
  user?: InputMaybe<Scalars['String']['input']>;
};

/** Who signs, step by step, before a reply is sent or a policy version is published. */
export type ApprovalChain = {
  __typename?: 'ApprovalChain';
  key: Scalars['String']['output'];
  name: LocalizedText;
  source?: Maybe<Scalars['String']['output']>;
  steps: Array<ApprovalStep>;
  /** reply | closure | extension | policy */
  subject: Scalars['String']['output'];
  /** reply: JSON-logic over the complaint facts; the first chain that holds applies. */
  when?: Maybe<Scalars['JSON']['output']>;
};

export type ApprovalChainInput = {
  key: Scalars['String']['input'];
  name: LocalizedTextInput;
  source?: InputMaybe<Scalars['String']['input']>;
  steps: Array<ApprovalStepInput>;
  /** reply | closure | extension | policy */
  subject: Scalars['String']['input'];
  /** reply: JSON-logic over the complaint facts; the first chain that holds applies. */
  when?: InputMaybe<Scalars['JSON']['input']>;
};

export type ApprovalStep = {
  __typename?: 'ApprovalStep';
  approvers: Array<ApprovalApprover>;
  key: Scalars['String']['output'];
  name: LocalizedText;
  /** Signatures of different people the step needs (default 1). */
  signatures?: Maybe<Scalars['Int']['output']>;
};

export type ApprovalStepInput = {
  approvers: Array<ApprovalApproverInput>;
  key: Scalars['String']['input'];
  name: LocalizedTextInput;
  /** Signatures of different people the step needs (default 1). */
  signatures?: InputMaybe<Scalars['Int']['input']>;
};

export type AssignInput = {
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  complaintId: Scalars['ID']['input'];
  department?: InputMaybe<Scalars['String']['input']>;
  reason?: InputMaybe<Scalars['String']['input']>;
};

/** A user complaints can be assigned to: who they are, nothing of their account. */
export type AssignableUser = {
  __typename?: 'AssignableUser';
  departmentId?: Maybe<Scalars['String']['output']>;
  displayName: Scalars['String']['output'];
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  role: Role;
};

/** A file of a complaint, with short-lived signed links (about 5 minutes) for the viewer. */
export type AttachmentFile = {
  __typename?: 'AttachmentFile';
  createdAt: Scalars['DateTime']['output'];
  filename: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Detected from the content, not from the name. */
  mimeType: Scalars['String']['output'];
  size: Scalars['Int']['output'];
  /** staff, portal or email */
  source: Scalars['String']['output'];
  /** Signed link to a small WebP thumbnail (images only). */
  thumbnailUrl?: Maybe<Scalars['String']['output']>;
  /** Signed download link (relative to the API). */
  url: Scalars['String']['output'];
};

/** Attachment limits; an absent one keeps its default (10 MB a file, 10 files, common photo/document/audio types). */
export type AttachmentSettings = {
  __typename?: 'AttachmentSettings';
  /** Content types detected from the bytes, e.g. image/jpeg. */
  allowedTypes?: Maybe<Array<Scalars['String']['output']>>;
  /** Largest file in bytes (at most 50 MB). */
  maxFileBytes?: Maybe<Scalars['Int']['output']>;
  /** Files per complaint. */
  maxFiles?: Maybe<Scalars['Int']['output']>;
};

export type AttachmentSettingsInput = {
  /** Content types detected from the bytes, e.g. image/jpeg. */
  allowedTypes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Largest file in bytes (at most 50 MB). */
  maxFileBytes?: InputMaybe<Scalars['Int']['input']>;
  /** Files per complaint. */
  maxFiles?: InputMaybe<Scalars['Int']['input']>;
};

export type AuditConnection = {
  __typename?: 'AuditConnection';
  nodes: Array<AuditEntry>;
  pageInfo: AuditPageInfo;
};

/** One configuration change: who, what, and the object before and after. */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** e.g. upsert, delete, set_rule_set, update_settings, publish, approve, reject, rollback, import, discard_draft; access: sign_in, sign_in_failed, lockout, create, invite, update, deactivate, reactivate, password_change, password_reset_requested, password_reset, invitation_accepted, create_token, revoke_token, update_tenant, create_tenant. */
  action: Scalars['String']['output'];
  /** The acting user’s e-mail; null for an API token or the system. */
  actorEmail?: Maybe<Scalars['String']['output']>;
  /** User or API token id; null for the system (seeders, plugin installation). */
  actorId?: Maybe<Scalars['String']['output']>;
  /** The acting user’s display name or the API token’s name; null for the system. */
  actorName?: Maybe<Scalars['String']['output']>;
  actorRole: Scalars['String']['output'];
  after?: Maybe<Scalars['JSON']['output']>;
  before?: Maybe<Scalars['JSON']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** What was changed, e.g. complaintTypes, ruleSets, policyVersion. */
  entity: Scalars['String']['output'];
  entityKey?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Client address of the request (sign-ins, user and token changes). */
  ip?: Maybe<Scalars['String']['output']>;
};

export type AuditFilterInput = {
  action?: InputMaybe<Scalars['String']['input']>;
  actorId?: InputMaybe<Scalars['String']['input']>;
  entity?: InputMaybe<Scalars['String']['input']>;
  entityKey?: InputMaybe<Scalars['String']['input']>;
  ip?: InputMaybe<Scalars['String']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
};

export type AuditPageInfo = {
  __typename?: 'AuditPageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type AuthPayload = {
  __typename?: 'AuthPayload';
  expiresAt: Scalars['DateTime']['output'];
  /** Bearer token for the Authorization header. */
  token: Scalars['String']['output'];
  user: User;
};

/** A business calendar of the current policy. */
export type BusinessCalendarView = {
  __typename?: 'BusinessCalendarView';
  closures: Array<Scalars['String']['output']>;
  extraWorkingDays: Array<Scalars['String']['output']>;
  /** Set when the calendar cannot be used; the built-in one stands in. */
  fault?: Maybe<CalendarFaultView>;
  /** The policy’s default calendar. */
  isDefault: Scalars['Boolean']['output'];
  key: Scalars['String']['output'];
  nameEn?: Maybe<Scalars['String']['output']>;
  nameZh: Scalars['String']['output'];
  timeZone: Scalars['String']['output'];
  useChineseHolidays: Scalars['Boolean']['output'];
  weekendDays: Array<Scalars['Int']['output']>;
  workingHours: Array<WorkingHoursView>;
};

export type Calendar = {
  __typename?: 'Calendar';
  closures?: Maybe<Array<Scalars['String']['output']>>;
  extraWorkingDays?: Maybe<Array<Scalars['String']['output']>>;
  key: Scalars['String']['output'];
  name: LocalizedText;
  timeZone: Scalars['String']['output'];
  /** Follow China’s public holidays and make-up working days (调休). */
  useChineseHolidays: Scalars['Boolean']['output'];
  /** 0 = Sunday … 6 = Saturday. */
  weekendDays: Array<Scalars['Int']['output']>;
  workingHours: Array<TimeRange>;
};

export type CalendarDayView = {
  __typename?: 'CalendarDayView';
  /** Local date YYYY-MM-DD. */
  date: Scalars['String']['output'];
  /** Holiday name, e.g. 国庆节. */
  name?: Maybe<Scalars['String']['output']>;
  /** weekday | weekend | statutory_holiday | makeup_workday | closure | extra_working_day */
  reason: Scalars['String']['output'];
  working: Scalars['Boolean']['output'];
};

/** A calendar of a published version that cannot be used: the built-in calendar stands in for it. */
export type CalendarFaultView = {
  __typename?: 'CalendarFaultView';
  calendarKey: Scalars['String']['output'];
  /** built_in_default: the built-in Chinese working week (Asia/Shanghai, 09:00–12:00, 13:00–18:00). */
  fallback: Scalars['String']['output'];
  policyVersion: Scalars['Int']['output'];
  problems: Array<CalendarProblemView>;
};

export type CalendarInput = {
  closures?: InputMaybe<Array<Scalars['String']['input']>>;
  extraWorkingDays?: InputMaybe<Array<Scalars['String']['input']>>;
  key: Scalars['String']['input'];
  name: LocalizedTextInput;
  timeZone: Scalars['String']['input'];
  /** Follow China’s public holidays and make-up working days (调休). */
  useChineseHolidays: Scalars['Boolean']['input'];
  /** 0 = Sunday … 6 = Saturday. */
  weekendDays: Array<Scalars['Int']['input']>;
  workingHours: Array<TimeRangeInput>;
};

/** Where N working days from an instant end, and the days in between. */
export type CalendarPreview = {
  __typename?: 'CalendarPreview';
  calendarKey: Scalars['String']['output'];
  days: Array<CalendarDayView>;
  /** End of working hours of the N-th working day after the day of `from`. */
  due: Scalars['DateTime']['output'];
  /** Set when the calendar cannot be used; the preview is of the built-in one. */
  fault?: Maybe<CalendarFaultView>;
  from: Scalars['DateTime']['output'];
  timeZone: Scalars['String']['output'];
  workingDays: Scalars['Int']['output'];
};

/** One thing wrong with a calendar value. */
export type CalendarProblemView = {
  __typename?: 'CalendarProblemView';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  /** Member of the calendar, e.g. timeZone or workingHours[0].end. */
  path: Scalars['String']['output'];
};

/** A word of the text and how much it pushed towards the predicted cause. */
export type CauseKeyword = {
  __typename?: 'CauseKeyword';
  term: Scalars['String']['output'];
  weight: Scalars['Float']['output'];
};

export type CausePrediction = {
  __typename?: 'CausePrediction';
  cause: Scalars['String']['output'];
  confidence: Scalars['Float']['output'];
  keywords: Array<CauseKeyword>;
  modelVersion: Scalars['Int']['output'];
  similar: Array<SimilarComplaint>;
  top: Array<CauseScore>;
};

export type CauseScore = {
  __typename?: 'CauseScore';
  confidence: Scalars['Float']['output'];
  label: Scalars['String']['output'];
};

export type ChangedObject = {
  __typename?: 'ChangedObject';
  changes: Array<PathChange>;
  key: Scalars['String']['output'];
};

export type Channel = {
  __typename?: 'Channel';
  key: Scalars['String']['output'];
  name: LocalizedText;
  realtime?: Maybe<Scalars['Boolean']['output']>;
  source?: Maybe<Scalars['String']['output']>;
};

export type ChannelInput = {
  key: Scalars['String']['input'];
  name: LocalizedTextInput;
  realtime?: InputMaybe<Scalars['Boolean']['input']>;
  source?: InputMaybe<Scalars['String']['input']>;
};

/** The quality gate’s decision on a retrained model: it becomes active only if its held-out accuracy is not worse than the active model’s by more than the margin. */
export type ClassifierGate = {
  __typename?: 'ClassifierGate';
  /** The then active model’s held-out accuracy. */
  activeAccuracy?: Maybe<Scalars['Float']['output']>;
  activeVersion?: Maybe<Scalars['Int']['output']>;
  /** This model’s held-out (k-fold) accuracy. */
  candidateAccuracy?: Maybe<Scalars['Float']['output']>;
  /** activated | refused */
  decision: Scalars['String']['output'];
  /** Allowed drop in accuracy (absolute, 0.02 = 2 points). */
  margin: Scalars['Float']['output'];
  /** Sampling noise allowed on top of the margin: 1.645 × the standard error of the difference of the two accuracies. */
  noise: Scalars['Float']['output'];
  /** first-model | not-worse | worse | not-measured */
  reason: Scalars['String']['output'];
};

/** Training in the background; poll until status is no longer training. */
export type ClassifierJob = {
  __typename?: 'ClassifierJob';
  id: Scalars['ID']['output'];
  message?: Maybe<Scalars['String']['output']>;
  modelVersion: Scalars['Int']['output'];
  /** 0..1 */
  progress: Scalars['Float']['output'];
  /** training | ready | failed | retired | refused */
  status: Scalars['String']['output'];
};

/** A trained complaint-cause model of the tenant, with the accuracy measured on its own confirmed complaints. */
export type ClassifierModel = {
  __typename?: 'ClassifierModel';
  /** True for the model predictions use now (the latest ready version). */
  active: Scalars['Boolean']['output'];
  createdBy?: Maybe<Scalars['String']['output']>;
  /** The quality gate’s decision when training finished. */
  gate?: Maybe<ClassifierGate>;
  id: Scalars['ID']['output'];
  labels: Array<Scalars['String']['output']>;
  message?: Maybe<Scalars['String']['output']>;
  /** method kfold: folds, accuracy, macroF1, foldAccuracyStd, perClass, classCounts; method none: note. */
  metrics: Scalars['JSON']['output'];
  options: Scalars['JSON']['output'];
  progress: Scalars['Float']['output'];
  sampleCount: Scalars['Int']['output'];
  startedAt: Scalars['DateTime']['output'];
  /** training | ready | failed | retired | refused (by the quality gate) */
  status: Scalars['String']['output'];
  trainedAt?: Maybe<Scalars['DateTime']['output']>;
  /** manual | scheduled */
  trigger: Scalars['String']['output'];
  version: Scalars['Int']['output'];
};

export type CollectionDiff = {
  __typename?: 'CollectionDiff';
  added: Array<Scalars['String']['output']>;
  changed: Array<ChangedObject>;
  collection: Scalars['String']['output'];
  removed: Array<Scalars['String']['output']>;
};

export type Complainant = {
  __typename?: 'Complainant';
  customerId: Scalars['ID']['output'];
  email?: Maybe<Scalars['String']['output']>;
  idNumber?: Maybe<Scalars['String']['output']>;
  /** True when personal fields are masked for the caller’s role. */
  masked: Scalars['Boolean']['output'];
  name?: Maybe<Scalars['String']['output']>;
  phone?: Maybe<Scalars['String']['output']>;
  reference?: Maybe<Scalars['String']['output']>;
};

/** Who complains. Personal fields are encrypted at rest and masked for roles that do not need them. */
export type ComplainantInput = {
  /** Customer or account reference in the company’s own systems. */
  customerReference?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  idNumber?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
};

export type Complaint = {
  __typename?: 'Complaint';
  /** States the caller may move this complaint to. */
  allowedTransitions: Array<Scalars['String']['output']>;
  approvalStatus?: Maybe<Scalars['String']['output']>;
  assigneeId?: Maybe<Scalars['String']['output']>;
  attachments: Array<Scalars['String']['output']>;
  cause?: Maybe<Scalars['String']['output']>;
  /** The active cause classifier’s prediction for this complaint, computed on demand (null without a model). */
  causePrediction?: Maybe<CausePrediction>;
  channel: Scalars['String']['output'];
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  complainant: Complainant;
  createdAt: Scalars['DateTime']['output'];
  /** Why: each decision with its rule set, row, policy version and explanation. */
  decisions: Array<Decision>;
  department?: Maybe<Scalars['String']['output']>;
  /** The complaint’s files (staff intake, portal, e-mail) with signed links. */
  files: Array<AttachmentFile>;
  firstContactId?: Maybe<Scalars['String']['output']>;
  /** Form values; personal fields masked for roles that do not need them. */
  form: Scalars['JSON']['output'];
  id: Scalars['ID']['output'];
  invalidReason?: Maybe<Scalars['String']['output']>;
  kind: Scalars['String']['output'];
  number: Scalars['String']['output'];
  occurredAt?: Maybe<Scalars['DateTime']['output']>;
  /** A closure waiting for the signatures of the closure approval chain: { to, transition, comment, proposedBy, approval }. */
  pendingClosure?: Maybe<Scalars['JSON']['output']>;
  /** A solution/reply waiting for a manager’s approval. */
  pendingReply?: Maybe<Scalars['JSON']['output']>;
  policyVersion: Scalars['Int']['output'];
  predictedCause?: Maybe<Scalars['String']['output']>;
  predictedConfidence?: Maybe<Scalars['Float']['output']>;
  receivedAt: Scalars['DateTime']['output'];
  reference?: Maybe<Scalars['String']['output']>;
  reopenCount: Scalars['Int']['output'];
  replies: Array<ComplaintReplyView>;
  requestedRemedy?: Maybe<Scalars['String']['output']>;
  resolutionDueAt?: Maybe<Scalars['DateTime']['output']>;
  respondedAt?: Maybe<Scalars['DateTime']['output']>;
  satisfaction?: Maybe<Scalars['String']['output']>;
  satisfactionScore?: Maybe<Scalars['Int']['output']>;
  severity: Scalars['String']['output'];
  severityName?: Maybe<Scalars['String']['output']>;
  slaPolicy?: Maybe<Scalars['String']['output']>;
  slaStatus: Scalars['String']['output'];
  state: Scalars['String']['output'];
  tasks: Array<ComplaintTaskView>;
  team?: Maybe<Scalars['String']['output']>;
  text: Scalars['String']['output'];
  timeline: Array<TimelineEvent>;
  title?: Maybe<Scalars['String']['output']>;
  type: Scalars['String']['output'];
  typeName?: Maybe<Scalars['String']['output']>;
  typePath: Scalars['String']['output'];
  unsatisfiedCount: Scalars['Int']['output'];
  updatedAt: Scalars['DateTime']['output'];
  valid: Scalars['Boolean']['output'];
};

export type ComplaintConnection = {
  __typename?: 'ComplaintConnection';
  edges: Array<ComplaintEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ComplaintEdge = {
  __typename?: 'ComplaintEdge';
  cursor: Scalars['String']['output'];
  node: Complaint;
};

export type ComplaintFilter = {
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  channel?: InputMaybe<Scalars['String']['input']>;
  /** One customer's complaints (their history). */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  department?: InputMaybe<Scalars['String']['input']>;
  /** Only open (not closed) complaints. */
  open?: InputMaybe<Scalars['Boolean']['input']>;
  receivedFrom?: InputMaybe<Scalars['DateTime']['input']>;
  receivedTo?: InputMaybe<Scalars['DateTime']['input']>;
  severity?: InputMaybe<Array<Scalars['String']['input']>>;
  /** on_time | at_risk | breached | met */
  slaStatus?: InputMaybe<Array<Scalars['String']['input']>>;
  state?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Searches number, title and text. */
  text?: InputMaybe<Scalars['String']['input']>;
  /** A complaint type key: matches the type and its whole subtree. */
  type?: InputMaybe<Scalars['String']['input']>;
};

/** 投诉 / 建议 / 咨询 */
export type ComplaintKind =
  | 'complaint'
  | 'consultation'
  | 'suggestion';

export type ComplaintOrder =
  | 'RECEIVED_ASC'
  | 'RECEIVED_DESC'
  | 'RESOLUTION_DUE_ASC';

export type ComplaintReplyView = {
  __typename?: 'ComplaintReplyView';
  approvedBy?: Maybe<Scalars['String']['output']>;
  body: Scalars['String']['output'];
  channel: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  sentBy?: Maybe<Scalars['String']['output']>;
  subject?: Maybe<Scalars['String']['output']>;
  templateKey?: Maybe<Scalars['String']['output']>;
};

export type ComplaintStats = {
  __typename?: 'ComplaintStats';
  from: Scalars['DateTime']['output'];
  groupBy: Array<StatsDimension>;
  repeatWindowDays: Scalars['Int']['output'];
  rows: Array<ComplaintStatsRow>;
  timeZone: Scalars['String']['output'];
  to: Scalars['DateTime']['output'];
  totals: ComplaintStatsRow;
};

export type ComplaintStatsRow = {
  __typename?: 'ComplaintStatsRow';
  /** Average working minutes from received to responded (business calendar of the pinned policy version). */
  averageWorkingMinutes?: Maybe<Scalars['Int']['output']>;
  /** Closed or closed as invalid. */
  closed: Scalars['Int']['output'];
  /** effectivelyResolved / resolved */
  effectiveResolutionRate?: Maybe<Scalars['Float']['output']>;
  /** Resolved with no repeat complaint of the same customer on the same type within repeatWindowDays of closure. */
  effectivelyResolved?: Maybe<Scalars['Int']['output']>;
  /** With a follow-up (回访) result. */
  followedUp: Scalars['Int']['output'];
  keys: Array<StatsKeyView>;
  onTime: Array<OnTimeRateView>;
  open: Scalars['Int']['output'];
  received: Scalars['Int']['output'];
  /** Closed as resolved (not invalid). */
  resolved?: Maybe<Scalars['Int']['output']>;
  /** Resolved complaints with a response time (base of the average). */
  responded?: Maybe<Scalars['Int']['output']>;
  /** satisfied / followedUp */
  satisfactionRate?: Maybe<Scalars['Float']['output']>;
  satisfied: Scalars['Int']['output'];
  valid: Scalars['Int']['output'];
};

export type ComplaintTaskView = {
  __typename?: 'ComplaintTaskView';
  assigneeId?: Maybe<Scalars['String']['output']>;
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  department: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  result?: Maybe<Scalars['String']['output']>;
  state: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

export type ComplaintType = {
  __typename?: 'ComplaintType';
  active?: Maybe<Scalars['Boolean']['output']>;
  defaultDepartment?: Maybe<Scalars['String']['output']>;
  defaultSeverity?: Maybe<Scalars['String']['output']>;
  /** Field keys in order; a child inherits its parent’s fields first. */
  fields: Array<Scalars['String']['output']>;
  key: Scalars['String']['output'];
  kind: ComplaintKind;
  name: LocalizedText;
  parentKey?: Maybe<Scalars['String']['output']>;
  /** Retention: months after closure before a closed complaint of this type and its personal data are purged (60 = five years); inherited from the parent type; none = kept. */
  retentionMonths?: Maybe<Scalars['Int']['output']>;
  source?: Maybe<Scalars['String']['output']>;
  /** The workflow its complaints follow (inherited from the parent type; else `default`). */
  workflow?: Maybe<Scalars['String']['output']>;
};

export type ComplaintTypeInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  defaultDepartment?: InputMaybe<Scalars['String']['input']>;
  defaultSeverity?: InputMaybe<Scalars['String']['input']>;
  /** Field keys in order; a child inherits its parent’s fields first. */
  fields: Array<Scalars['String']['input']>;
  key: Scalars['String']['input'];
  kind: ComplaintKind;
  name: LocalizedTextInput;
  parentKey?: InputMaybe<Scalars['String']['input']>;
  /** Retention: months after closure before a closed complaint of this type and its personal data are purged (60 = five years); inherited from the parent type; none = kept. */
  retentionMonths?: InputMaybe<Scalars['Int']['input']>;
  source?: InputMaybe<Scalars['String']['input']>;
  /** The workflow its complaints follow (inherited from the parent type; else `default`). */
  workflow?: InputMaybe<Scalars['String']['input']>;
};

export type CreateIncidentInput = {
  complaintIds: Array<Scalars['ID']['input']>;
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  title: Scalars['String']['input'];
};

export type CreateTenantInput = {
  adminEmail: Scalars['String']['input'];
  adminName?: InputMaybe<Scalars['String']['input']>;
  locale?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  slug: Scalars['String']['input'];
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

export type CreateUserInput = {
  /** Department key of the tenant policy. */
  departmentId?: InputMaybe<Scalars['String']['input']>;
  displayName: Scalars['String']['input'];
  email: Scalars['String']['input'];
  /** Subject to the password policy (length and a common-password check). */
  password: Scalars['String']['input'];
  role: Role;
  /** Team keys of the tenant policy. */
  teams?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type CreatedWebhookSubscription = {
  __typename?: 'CreatedWebhookSubscription';
  /** The signing secret, shown this once. */
  secret: Scalars['String']['output'];
  subscription: WebhookSubscription;
};

/** A decision the policy made, with why: rule set, matched row, policy version and trace. */
export type Decision = {
  __typename?: 'Decision';
  at: Scalars['DateTime']['output'];
  /** Human-readable explanation from the rule trace. */
  explanation?: Maybe<Scalars['String']['output']>;
  /** validity | severity | routing | sla */
  kind: Scalars['String']['output'];
  outcome: Scalars['JSON']['output'];
  policyVersion: Scalars['Int']['output'];
  rowKey?: Maybe<Scalars['String']['output']>;
  ruleSet: Scalars['String']['output'];
  /** The matched row's trace, structured ({ op, value?, textLength?, matched?, args? }): operators as evaluated, keyword tests with the keywords found. For explaining in the reader's language. Null for decisions recorded before it existed. */
  trace?: Maybe<Scalars['JSON']['output']>;
};

export type DecisionRow = {
  __typename?: 'DecisionRow';
  description?: Maybe<Scalars['String']['output']>;
  key: Scalars['String']['output'];
  priority?: Maybe<Scalars['Int']['output']>;
  then?: Maybe<Scalars['JSON']['output']>;
  when?: Maybe<Scalars['JSON']['output']>;
};

export type DecisionTable = {
  __typename?: 'DecisionTable';
  default?: Maybe<Scalars['JSON']['output']>;
  hitPolicy: HitPolicy;
  key: Scalars['String']['output'];
  rows: Array<DecisionRow>;
};

/** One message on one channel to one recipient: status, attempts, what the provider said. */
export type Delivery = {
  __typename?: 'Delivery';
  attempts: Scalars['Int']['output'];
  body: Scalars['String']['output'];
  /** email | sms | webhook | in_app */
  channel: Scalars['String']['output'];
  complaintId?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  idempotencyKey: Scalars['String']['output'];
  /** Why it failed or what it waits for (EMAIL_NOT_CONFIGURED, QUIET_HOURS, …). */
  lastError?: Maybe<Scalars['String']['output']>;
  nextAttemptAt: Scalars['DateTime']['output'];
  /** The notice rule that asked for it. */
  noticeKey?: Maybe<Scalars['String']['output']>;
  providerMessageId?: Maybe<Scalars['String']['output']>;
  /** Where it went, masked for customers (set when sent). */
  recipient?: Maybe<Scalars['String']['output']>;
  /** customer | user | email | webhook */
  recipientKind: Scalars['String']['output'];
  sentAt?: Maybe<Scalars['DateTime']['output']>;
  /** pending | sent | failed | dead */
  status: Scalars['String']['output'];
  subject?: Maybe<Scalars['String']['output']>;
  templateKey?: Maybe<Scalars['String']['output']>;
  topic: Scalars['String']['output'];
  urgent: Scalars['Boolean']['output'];
};

export type DeliveryFilterInput = {
  channel?: InputMaybe<Scalars['String']['input']>;
  complaintId?: InputMaybe<Scalars['ID']['input']>;
  /** A webhook subscription id, user id or customer id. */
  recipientRef?: InputMaybe<Scalars['String']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  status?: InputMaybe<Scalars['String']['input']>;
  topic?: InputMaybe<Scalars['String']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
};

export type DeliveryPage = {
  __typename?: 'DeliveryPage';
  items: Array<Delivery>;
  total: Scalars['Int']['output'];
};

export type Department = {
  __typename?: 'Department';
  key: Scalars['String']['output'];
  managerEmail?: Maybe<Scalars['String']['output']>;
  name: LocalizedText;
  parentKey?: Maybe<Scalars['String']['output']>;
  region?: Maybe<Scalars['String']['output']>;
};

export type DepartmentInput = {
  key: Scalars['String']['input'];
  managerEmail?: InputMaybe<Scalars['String']['input']>;
  name: LocalizedTextInput;
  parentKey?: InputMaybe<Scalars['String']['input']>;
  region?: InputMaybe<Scalars['String']['input']>;
};

export type DepartmentLoad = {
  __typename?: 'DepartmentLoad';
  after: Scalars['Int']['output'];
  before: Scalars['Int']['output'];
  /** Department key; "(none)" when left to manual dispatch. */
  department: Scalars['String']['output'];
};

export type Duration = {
  __typename?: 'Duration';
  amount: Scalars['Float']['output'];
  /** natural_minutes | natural_hours | natural_days | working_minutes | working_hours | working_days */
  kind: Scalars['String']['output'];
};

export type DurationInput = {
  amount: Scalars['Float']['input'];
  /** natural_minutes | natural_hours | natural_days | working_minutes | working_hours | working_days */
  kind: Scalars['String']['input'];
};

export type EmailSettingsInput = {
  allowSelfSigned?: InputMaybe<Scalars['Boolean']['input']>;
  enabled: Scalars['Boolean']['input'];
  from: Scalars['String']['input'];
  fromName?: InputMaybe<Scalars['String']['input']>;
  host: Scalars['String']['input'];
  /** Intake mailbox: Reply-To of outgoing mail (plus-addressed with the number) and where complaints arrive. */
  intakeAddress?: InputMaybe<Scalars['String']['input']>;
  /** Complaint type given to e-mailed complaints (default consultation). */
  intakeType?: InputMaybe<Scalars['String']['input']>;
  port: Scalars['Int']['input'];
  requireTls?: InputMaybe<Scalars['Boolean']['input']>;
  /** Implicit TLS (465); otherwise STARTTLS when offered. */
  secure: Scalars['Boolean']['input'];
  user?: InputMaybe<Scalars['String']['input']>;
};

export type EmailSettingsView = {
  __typename?: 'EmailSettingsView';
  allowSelfSigned?: Maybe<Scalars['Boolean']['output']>;
  enabled: Scalars['Boolean']['output'];
  from: Scalars['String']['output'];
  fromName?: Maybe<Scalars['String']['output']>;
  /** A password is stored (it is never returned). */
  hasPassword: Scalars['Boolean']['output'];
  host: Scalars['String']['output'];
  /** Intake mailbox: Reply-To of outgoing mail (plus-addressed with the number) and where complaints arrive. */
  intakeAddress?: Maybe<Scalars['String']['output']>;
  /** Complaint type given to e-mailed complaints (default consultation). */
  intakeType?: Maybe<Scalars['String']['output']>;
  port: Scalars['Int']['output'];
  requireTls?: Maybe<Scalars['Boolean']['output']>;
  /** Implicit TLS (465); otherwise STARTTLS when offered. */
  secure: Scalars['Boolean']['output'];
  user?: Maybe<Scalars['String']['output']>;
};

export type EnablePluginResult = {
  __typename?: 'EnablePluginResult';
  /** Draft objects added or refreshed, as collection[key]. */
  applied: Array<Scalars['String']['output']>;
  /** The tenant’s own objects sharing a key with the plugin’s, left untouched. */
  kept: Array<Scalars['String']['output']>;
  pluginId: Scalars['String']['output'];
  /** Decision rows added or refreshed, as ruleSet[rowKey]. */
  rows: Array<Scalars['String']['output']>;
  /** Diff of the draft against the current version. Nothing is live until publishPolicy. */
  summary: Scalars['String']['output'];
};

/** raise_severity {to} | reassign {department?, assignee?} | notify {to, template?} */
export type EscalationAction = {
  __typename?: 'EscalationAction';
  assignee?: Maybe<Scalars['String']['output']>;
  department?: Maybe<Scalars['String']['output']>;
  template?: Maybe<Scalars['String']['output']>;
  to?: Maybe<Scalars['String']['output']>;
  type: Scalars['String']['output'];
};

export type EscalationActionInput = {
  assignee?: InputMaybe<Scalars['String']['input']>;
  department?: InputMaybe<Scalars['String']['input']>;
  template?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['String']['input']>;
  type: Scalars['String']['input'];
};

export type EscalationRule = {
  __typename?: 'EscalationRule';
  actions: Array<EscalationAction>;
  key: Scalars['String']['output'];
  name: LocalizedText;
  /** For warning/breach: the SLA target key watched. */
  target?: Maybe<Scalars['String']['output']>;
  /** warning | breach | unsatisfied | aggregate | cross_department */
  trigger: Scalars['String']['output'];
  when?: Maybe<Scalars['JSON']['output']>;
};

export type EscalationRuleInput = {
  actions: Array<EscalationActionInput>;
  key: Scalars['String']['input'];
  name: LocalizedTextInput;
  /** For warning/breach: the SLA target key watched. */
  target?: InputMaybe<Scalars['String']['input']>;
  /** warning | breach | unsatisfied | aggregate | cross_department */
  trigger: Scalars['String']['input'];
  when?: InputMaybe<Scalars['JSON']['input']>;
};

export type ExportFormat =
  | 'CSV'
  | 'XLSX';

/** An export file being written; large exports run in the background (poll exportJob). */
export type ExportJobView = {
  __typename?: 'ExportJobView';
  error?: Maybe<Scalars['String']['output']>;
  expiresAt: Scalars['DateTime']['output'];
  fileName?: Maybe<Scalars['String']['output']>;
  format: ExportFormat;
  id: Scalars['ID']['output'];
  /** 0..1 */
  progress: Scalars['Float']['output'];
  rowCount?: Maybe<Scalars['Int']['output']>;
  /** complaint_stats | complaints */
  source: Scalars['String']['output'];
  /** pending | running | done | failed */
  status: Scalars['String']['output'];
  /** GET with the same bearer credential. */
  url: Scalars['String']['output'];
};

export type FieldDefinition = {
  __typename?: 'FieldDefinition';
  help?: Maybe<LocalizedText>;
  key: Scalars['String']['output'];
  label: LocalizedText;
  options?: Maybe<Array<FieldOption>>;
  /** Personal data: encrypted at rest, masked by role. */
  personal?: Maybe<Scalars['Boolean']['output']>;
  required?: Maybe<Scalars['Boolean']['output']>;
  /** JSON-logic: the field is required when true. */
  requiredWhen?: Maybe<Scalars['JSON']['output']>;
  source?: Maybe<Scalars['String']['output']>;
  /** One of text, long_text, number, money, date, datetime, select, multi_select, boolean, phone, email, id_number, reference, attachment. */
  type: Scalars['String']['output'];
  validation?: Maybe<FieldValidation>;
  /** JSON-logic: the field shows only when true. */
  visibleWhen?: Maybe<Scalars['JSON']['output']>;
};

export type FieldDefinitionInput = {
  help?: InputMaybe<LocalizedTextInput>;
  key: Scalars['String']['input'];
  label: LocalizedTextInput;
  options?: InputMaybe<Array<FieldOptionInput>>;
  /** Personal data: encrypted at rest, masked by role. */
  personal?: InputMaybe<Scalars['Boolean']['input']>;
  required?: InputMaybe<Scalars['Boolean']['input']>;
  /** JSON-logic: the field is required when true. */
  requiredWhen?: InputMaybe<Scalars['JSON']['input']>;
  source?: InputMaybe<Scalars['String']['input']>;
  /** One of text, long_text, number, money, date, datetime, select, multi_select, boolean, phone, email, id_number, reference, attachment. */
  type: Scalars['String']['input'];
  validation?: InputMaybe<FieldValidationInput>;
  /** JSON-logic: the field shows only when true. */
  visibleWhen?: InputMaybe<Scalars['JSON']['input']>;
};

export type FieldOption = {
  __typename?: 'FieldOption';
  label: LocalizedText;
  value: Scalars['String']['output'];
};

export type FieldOptionInput = {
  label: LocalizedTextInput;
  value: Scalars['String']['input'];
};

export type FieldValidation = {
  __typename?: 'FieldValidation';
  max?: Maybe<Scalars['Float']['output']>;
  maxLength?: Maybe<Scalars['Int']['output']>;
  min?: Maybe<Scalars['Float']['output']>;
  minLength?: Maybe<Scalars['Int']['output']>;
  pattern?: Maybe<Scalars['String']['output']>;
};

export type FieldValidationInput = {
  max?: InputMaybe<Scalars['Float']['input']>;
  maxLength?: InputMaybe<Scalars['Int']['input']>;
  min?: InputMaybe<Scalars['Float']['input']>;
  minLength?: InputMaybe<Scalars['Int']['input']>;
  pattern?: InputMaybe<Scalars['String']['input']>;
};

/** A coded finding after investigation (调查结论): validity criterion, root cause, responsibility or confirmed cause. */
export type FindingCode = {
  __typename?: 'FindingCode';
  key: Scalars['String']['output'];
  /** validity_criterion | root_cause | responsibility | confirmed_cause */
  kind: Scalars['String']['output'];
  name: LocalizedText;
  /** Roles that may record it (default handler, manager, admin). */
  roles?: Maybe<Array<Scalars['String']['output']>>;
};

export type FindingCodeInput = {
  key: Scalars['String']['input'];
  /** validity_criterion | root_cause | responsibility | confirmed_cause */
  kind: Scalars['String']['input'];
  name: LocalizedTextInput;
  /** Roles that may record it (default handler, manager, admin). */
  roles?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type FindingInput = {
  /** A finding code of the complaint’s policy version (findingCodes). */
  code: Scalars['String']['input'];
  complaintId: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};

export type FollowUpInput = {
  comment?: InputMaybe<Scalars['String']['input']>;
  complaintId: Scalars['ID']['input'];
  /** How the follow-up happened (phone, sms …). */
  method?: InputMaybe<Scalars['String']['input']>;
  satisfied: Scalars['Boolean']['input'];
  score: Scalars['Int']['input'];
};

export type HitPolicy =
  | 'collect'
  | 'first'
  | 'priority';

/** Days off (放假) of one holiday, an inclusive range of local dates. */
export type HolidayPeriod = {
  __typename?: 'HolidayPeriod';
  /** The notice’s 共N天, checked against the range. */
  days?: Maybe<Scalars['Int']['output']>;
  /** YYYY-MM-DD (inclusive) */
  end: Scalars['String']['output'];
  /** 元旦, 春节 … */
  name: Scalars['String']['output'];
  /** YYYY-MM-DD */
  start: Scalars['String']['output'];
};

export type HolidayPeriodInput = {
  /** The notice’s 共N天, checked against the range. */
  days?: InputMaybe<Scalars['Int']['input']>;
  /** YYYY-MM-DD (inclusive) */
  end: Scalars['String']['input'];
  /** 元旦, 春节 … */
  name: Scalars['String']['input'];
  /** YYYY-MM-DD */
  start: Scalars['String']['input'];
};

/** The official holiday and 调休 schedule of one year (State Council notice). */
export type HolidaySchedule = {
  __typename?: 'HolidaySchedule';
  holidays: Array<HolidayPeriod>;
  /** The year as text, e.g. "2027". */
  key: Scalars['String']['output'];
  makeupWorkdays: Array<MakeupWorkday>;
  /** The notice, e.g. 国办发明电〔2026〕7号. */
  source?: Maybe<Scalars['String']['output']>;
  year: Scalars['Int']['output'];
};

export type HolidayScheduleInput = {
  holidays: Array<HolidayPeriodInput>;
  /** The year as text, e.g. "2027". */
  key: Scalars['String']['input'];
  makeupWorkdays: Array<MakeupWorkdayInput>;
  /** The notice, e.g. 国办发明电〔2026〕7号. */
  source?: InputMaybe<Scalars['String']['input']>;
  year: Scalars['Int']['input'];
};

/** 批量事件: one cause behind many complaints. */
export type Incident = {
  __typename?: 'Incident';
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  department?: Maybe<Scalars['String']['output']>;
  /** The earliest resolution deadline among the open members. */
  dueAt?: Maybe<Scalars['DateTime']['output']>;
  firstAt: Scalars['DateTime']['output'];
  groupKey?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  lastAt: Scalars['DateTime']['output'];
  /** Members still in the incident. */
  memberCount: Scalars['Int']['output'];
  /** Members in order of arrival (released ones included, with releasedAt). */
  members: Array<IncidentMember>;
  mergedInto?: Maybe<Scalars['ID']['output']>;
  ownerId?: Maybe<Scalars['ID']['output']>;
  resolution?: Maybe<Scalars['String']['output']>;
  /** The incident rule that formed it; null when grouped by hand. */
  ruleKey?: Maybe<Scalars['String']['output']>;
  state: IncidentState;
  title: Scalars['String']['output'];
};

/** Close the member complaints with the reason, or release them to go on alone. */
export type IncidentCloseMode =
  | 'close_members'
  | 'release_members';

export type IncidentCloseResult = {
  __typename?: 'IncidentCloseResult';
  incident: Incident;
  outcomes: Array<IncidentMemberOutcome>;
};

export type IncidentMember = {
  __typename?: 'IncidentMember';
  complaintId: Scalars['ID']['output'];
  joinedAt: Scalars['DateTime']['output'];
  /** rule | manual */
  joinedBy: Scalars['String']['output'];
  number?: Maybe<Scalars['String']['output']>;
  receivedAt: Scalars['DateTime']['output'];
  /** Set when the complaint was taken out of the incident. */
  releasedAt?: Maybe<Scalars['DateTime']['output']>;
  resolutionDueAt?: Maybe<Scalars['DateTime']['output']>;
  severity?: Maybe<Scalars['String']['output']>;
  slaStatus?: Maybe<Scalars['String']['output']>;
  state?: Maybe<Scalars['String']['output']>;
  typeKey?: Maybe<Scalars['String']['output']>;
};

export type IncidentMemberOutcome = {
  __typename?: 'IncidentMemberOutcome';
  complaintId: Scalars['ID']['output'];
  message?: Maybe<Scalars['String']['output']>;
  number?: Maybe<Scalars['String']['output']>;
  ok: Scalars['Boolean']['output'];
  reason?: Maybe<Scalars['String']['output']>;
};

export type IncidentReplyInput = {
  body?: InputMaybe<Scalars['String']['input']>;
  rootCause?: InputMaybe<Scalars['String']['input']>;
  solution?: InputMaybe<Scalars['String']['input']>;
  templateKey?: InputMaybe<Scalars['String']['input']>;
};

/** 批量事件: complaints equal on groupBy within windowMinutes become one incident once threshold is reached. */
export type IncidentRule = {
  __typename?: 'IncidentRule';
  department?: Maybe<Scalars['String']['output']>;
  /** Fact paths that must be equal, e.g. complaint.type and complaint.form.cell_area. */
  groupBy: Array<Scalars['String']['output']>;
  key: Scalars['String']['output'];
  name: LocalizedText;
  threshold: Scalars['Int']['output'];
  /** Which complaints may be grouped (JSON-logic); all when absent. */
  when?: Maybe<Scalars['JSON']['output']>;
  windowMinutes: Scalars['Int']['output'];
};

export type IncidentRuleInput = {
  department?: InputMaybe<Scalars['String']['input']>;
  /** Fact paths that must be equal, e.g. complaint.type and complaint.form.cell_area. */
  groupBy: Array<Scalars['String']['input']>;
  key: Scalars['String']['input'];
  name: LocalizedTextInput;
  threshold: Scalars['Int']['input'];
  /** Which complaints may be grouped (JSON-logic); all when absent. */
  when?: InputMaybe<Scalars['JSON']['input']>;
  windowMinutes: Scalars['Int']['input'];
};

/** open → resolved (answered) → closed; merged into another incident */
export type IncidentState =
  | 'closed'
  | 'merged'
  | 'open'
  | 'resolved';

/** Incidents and their member complaints counted apart. */
export type IncidentStats = {
  __typename?: 'IncidentStats';
  closed: Scalars['Int']['output'];
  incidents: Scalars['Int']['output'];
  largest: Scalars['Int']['output'];
  members: Scalars['Int']['output'];
  open: Scalars['Int']['output'];
};

export type InviteUserInput = {
  /** Department key of the tenant policy. */
  departmentId?: InputMaybe<Scalars['String']['input']>;
  displayName: Scalars['String']['input'];
  email: Scalars['String']['input'];
  role: Role;
  /** Team keys of the tenant policy. */
  teams?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** KPI targets (shares 0–1); an absent one keeps its default (0.95 / 0.95 / 0.9). */
export type KpiTargets = {
  __typename?: 'KpiTargets';
  /** 有效解决率. */
  effectiveResolutionRate?: Maybe<Scalars['Float']['output']>;
  /** Per deadline type; others use onTimeRate. */
  onTimeByTarget?: Maybe<Array<TargetRate>>;
  /** 处理及时率 over all deadlines. */
  onTimeRate?: Maybe<Scalars['Float']['output']>;
  /** 满意率. */
  satisfactionRate?: Maybe<Scalars['Float']['output']>;
};

export type KpiTargetsInput = {
  /** 有效解决率. */
  effectiveResolutionRate?: InputMaybe<Scalars['Float']['input']>;
  /** Per deadline type; others use onTimeRate. */
  onTimeByTarget?: InputMaybe<Array<TargetRateInput>>;
  /** 处理及时率 over all deadlines. */
  onTimeRate?: InputMaybe<Scalars['Float']['input']>;
  /** 满意率. */
  satisfactionRate?: InputMaybe<Scalars['Float']['input']>;
};

export type LocalizedText = {
  __typename?: 'LocalizedText';
  en?: Maybe<Scalars['String']['output']>;
  zh: Scalars['String']['output'];
};

export type LocalizedTextInput = {
  en?: InputMaybe<Scalars['String']['input']>;
  zh: Scalars['String']['input'];
};

/** A weekend day that is a working day (调休上班). */
export type MakeupWorkday = {
  __typename?: 'MakeupWorkday';
  /** YYYY-MM-DD */
  date: Scalars['String']['output'];
  /** The holiday it belongs to. */
  name: Scalars['String']['output'];
};

export type MakeupWorkdayInput = {
  /** YYYY-MM-DD */
  date: Scalars['String']['input'];
  /** The holiday it belongs to. */
  name: Scalars['String']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Sets the password from an invitation link and signs in. The link works once. */
  acceptInvitation: AuthPayload;
  /** Confirms the cause predicted at intake (feeds the next training, like confirmComplaintCause). */
  acceptPredictedCause: Complaint;
  acknowledgeAlert: AnalyticsAlertView;
  addComment: Complaint;
  addIncidentMembers: Incident;
  /** Signs the waiting step of a closure held by the closure approval chain; the last signature closes. */
  approveComplaintClosure: Complaint;
  /** Approves the pending solution and sends the reply. */
  approveComplaintReply: Complaint;
  /** Grants a requested extension (the caller must have the approving role). */
  approveDeadlineExtension: SlaExtensionResult;
  /** Approves a pending version; the approver must not be its author. */
  approvePolicyVersion: PolicyVersion;
  /** Assigns to a department and/or handler; reassigning needs a reason. */
  assignComplaint: Complaint;
  assignIncident: Incident;
  /** Starts turning on the TOTP second factor (admins and managers). */
  beginSecondFactorSetup: SecondFactorSetup;
  /** Starts an OpenID Connect sign-on; returns the identity provider URL to open. */
  beginSsoLogin: Scalars['String']['output'];
  /** Changes the caller’s password. Other sessions end; the returned token replaces the current one. */
  changePassword: AuthPayload;
  /** Closes without a satisfied follow-up: a manager’s decision with a reason. */
  closeComplaint: Complaint;
  /** Closes the incident, closing or releasing its members; members that cannot be closed are reported. */
  closeIncident: IncidentCloseResult;
  completeComplaintTask: ComplaintTaskView;
  /** Finishes a sign-on with the URL the provider redirected to (…/sso/callback?code=…&state=…). */
  completeSsoLogin: AuthPayload;
  /** Confirms the cause (feeds the cause classifier). */
  confirmComplaintCause: Complaint;
  /** Confirms the second factor with a first code; returns 10 single-use recovery codes, shown once. */
  confirmSecondFactor: Array<Scalars['String']['output']>;
  /** Creates a long-lived token for an API client, never above the creator’s role. The secret is returned once. */
  createApiToken: ApiTokenPayload;
  /** Cross-department work in parallel, with its own owner. */
  createComplaintTask: ComplaintTaskView;
  /** Groups complaints by hand into a new incident. */
  createIncident: Incident;
  /** Platform operator only (REDRESS_PLATFORM_TOKEN): creates a tenant and its first admin; returns the one-time setup link. */
  createTenant: TenantSetupPayload;
  /** Creates a user with a password the admin chose (password policy applies). */
  createUser: User;
  /** Subscribes a URL to domain events; the signing secret is returned this once. */
  createWebhookSubscription: CreatedWebhookSubscription;
  /** Deactivates a user: their sessions and API tokens are refused at once on every instance. */
  deactivateUser: User;
  deleteApprovalChain: Scalars['Boolean']['output'];
  deleteCalendar: Scalars['Boolean']['output'];
  deleteChannel: Scalars['Boolean']['output'];
  deleteComplaintType: Scalars['Boolean']['output'];
  deleteDepartment: Scalars['Boolean']['output'];
  deleteEscalationRule: Scalars['Boolean']['output'];
  deleteField: Scalars['Boolean']['output'];
  deleteFindingCode: Scalars['Boolean']['output'];
  deleteHolidaySchedule: Scalars['Boolean']['output'];
  deleteIncidentRule: Scalars['Boolean']['output'];
  deleteNoticeRule: Scalars['Boolean']['output'];
  deleteReplyTemplate: Scalars['Boolean']['output'];
  deleteRuleTest: Scalars['Boolean']['output'];
  deleteSeverityLevel: Scalars['Boolean']['output'];
  deleteSlaPolicy: Scalars['Boolean']['output'];
  deleteTeam: Scalars['Boolean']['output'];
  deleteWebhookSubscription: Scalars['Boolean']['output'];
  deleteWorkflow: Scalars['Boolean']['output'];
  /** Stops the plugin’s hooks and handlers for this tenant. Its data stays, and the policy objects it added stay in the policy (remove them in the policy studio if wanted). */
  disablePlugin: PluginInfo;
  /** Turns one’s own second factor off (needs the password). */
  disableSecondFactor: Scalars['Boolean']['output'];
  /** Throws the draft away: it becomes the current version again. */
  discardPolicyDraft: PolicyDocument;
  /** Adds the plugin’s fields, types, presets, deadlines and templates to the DRAFT policy (presetArgs by preset code; defaults otherwise) and starts its hooks and handlers for this tenant. Nothing is decided differently until publishPolicy. */
  enablePlugin: EnablePluginResult;
  /** Writes a statistics table (all measures and a totals row) as CSV or XLSX; download from `url`. */
  exportComplaintStats: ExportJobView;
  /** Writes the complaints matching the `complaints` filter as CSV or XLSX; more than 5,000 rows run in the background. */
  exportComplaints: ExportJobView;
  /** Extends a deadline to its next stage (e.g. 15 → 30 → 60 days) with a reason. A caller without the approving role (default manager) files a request instead, granted by approveDeadlineExtension. The complainant is notified. */
  extendDeadline: SlaExtensionResult;
  /** Generates (or regenerates) the report of the week starting on this local Monday. */
  generateWeeklyReport: WeeklyReportView;
  /** Reads the State Council notice’s table as text (“元旦：1月1日至3日放假，共3天。”, “…放假调休，共9天。2月14日（星期六）上班。”) and saves it as the schedule of `year` in the draft. Problems come back per line in extensions.problems. */
  importHolidayNotice: HolidaySchedule;
  /** Loads a JSON policy document into the draft (nothing goes live until publish). */
  importPolicy: PolicyValidation;
  /** Invites a person by e-mail with a single-use link; the link is returned when no mail is configured. */
  inviteUser: AccessLinkPayload;
  /** Sign in. A wrong email or password gives the same UNAUTHENTICATED error; repeated failures TOO_MANY_ATTEMPTS. */
  login: AuthPayload;
  /** Marks the given notices read (all when ids is omitted); returns how many changed. */
  markNotificationsRead: Scalars['Int']['output'];
  /** Moves every member of sourceId into targetId; the source becomes merged. */
  mergeIncidents: Incident;
  /** Validates the draft, runs its rule tests and creates the next version (pending_approval when maker-checker is on). */
  publishPolicy: PolicyVersion;
  /** Purges closed complaints past their type’s retention period and their personal data from every table and export (audited). dryRun (default) only reports. */
  purgeExpiredComplaints: RetentionReport;
  /** Reactivates a user; sessions from before the deactivation stay ended. */
  reactivateUser: User;
  /** Moves open clocks to the current policy version (recorded on each complaint’s timeline). */
  reapplyPolicy: Array<SlaReapplyChange>;
  /** Records a coded finding after investigation (调查结论); validity and severity are re-decided with it, explained on the timeline. */
  recordFinding: Complaint;
  /** 回访: satisfied closes; unsatisfied re-dispatches; unsatisfied twice goes to the manager. */
  recordFollowUp: Complaint;
  /** Returns a held closure to the previous step, or drops it at the first step (a reason is required). */
  rejectComplaintClosure: Complaint;
  rejectComplaintReply: Complaint;
  /** Refuses a requested extension with a reason (on the complaint’s timeline); the deadline stays. */
  rejectDeadlineExtension: SlaExtensionRequestView;
  rejectPolicyVersion: PolicyVersion;
  /** Takes complaints out of the incident; the rule will not group them again. */
  releaseIncidentMembers: Incident;
  /** Sends the matching deliveries again (default: the dead ones), same idempotency keys. Returns how many. */
  replayDeliveries: Scalars['Int']['output'];
  /** Answers the complainant (from a template or free text). Severities that need approval wait for a manager. */
  replyToComplaint: Complaint;
  /** Answers every open member in one action, each complaint with its own reply. */
  replyToIncident: Array<IncidentMemberOutcome>;
  /** A progress report (restarts the recurring progress-update clock). */
  reportProgress: Complaint;
  /** Issues a single-use password-reset link (an invitation again for someone who never set one). */
  requestPasswordReset: AccessLinkPayload;
  /** Sets a new password from a reset link and signs in. The link works once; other sessions end. */
  resetPassword: AuthPayload;
  /** Turns a user’s second factor off (lost device and recovery codes). */
  resetUserSecondFactor: Scalars['Boolean']['output'];
  /** Sends a failed or dead delivery again, with a fresh set of attempts. */
  retryDelivery: Delivery;
  revokeApiToken: Scalars['Boolean']['output'];
  /** Republishes an old version’s document as a new version and resets the draft to it. */
  rollbackPolicy: PolicyVersion;
  /** Replaces the tenant dictionary; used from the next training on. */
  setClassifierDictionary: Array<Scalars['String']['output']>;
  /** Sets the quality gate’s margin (0..1) for the next trainings. */
  setClassifierGateMargin: Scalars['Float']['output'];
  /** Replaces a decision table. Every rule is checked against the fact schema; problems come back in extensions.problems with their paths. */
  setRuleSet: DecisionTable;
  /** Decides sample complaints under the current version and the draft. Up to 2,000 complaints the job is done on return; more run in the background (poll simulationJob). */
  simulatePolicy: SimulationJob;
  /** Moves the given members into a new incident; returns the new one. */
  splitIncident: Incident;
  /** Takes a complaint from any channel: validates the form, decides validity, severity, routing and SLA, and starts the clocks. Idempotent by idempotencyKey. */
  submitComplaint: Complaint;
  /** A session in another of the caller’s tenants (from myTenants); that membership’s second factor applies. */
  switchTenant: AuthPayload;
  /** Trains a new cause-classifier version on the complaints whose cause people confirmed (in the background; poll classifierJob). */
  trainCauseClassifier: ClassifierJob;
  /** Moves a complaint along its life cycle; illegal moves name the allowed ones. */
  transition: Complaint;
  /** Saves SMTP settings; password omitted keeps the stored one, empty clears it. Waiting e-mails go out. */
  updateEmailSettings: EmailSettingsView;
  updatePolicySettings: PolicySettings;
  /** Saves the SMS provider (generic HTTP adapter); secret omitted keeps the stored one. */
  updateSmsSettings: SmsSettingsView;
  updateSsoSettings: SsoSettings;
  /** Tenant settings: name, time zone, locale, complaint number pattern. */
  updateTenant: Tenant;
  /** Changes name, role, teams or department. The last active admin keeps the admin role. */
  updateUser: User;
  /** Changes a subscription; active: true re-enables it and sends what waited. */
  updateWebhookSubscription: WebhookSubscription;
  /** Adds or replaces an approval chain (replies, policy publishing); steps naming nobody are refused at publish. */
  upsertApprovalChain: ApprovalChain;
  upsertCalendar: Calendar;
  upsertChannel: Channel;
  upsertComplaintType: ComplaintType;
  upsertDepartment: Department;
  upsertEscalationRule: EscalationRule;
  upsertField: FieldDefinition;
  /** Adds or replaces a coded finding handlers may record after investigating. */
  upsertFindingCode: FindingCode;
  /** Adds or replaces the holiday and 调休 schedule of a year; checked at once (overlaps, impossible dates). */
  upsertHolidaySchedule: HolidaySchedule;
  /** Window, threshold and group-by facts are checked at publish. */
  upsertIncidentRule: IncidentRule;
  /** What is sent when (acknowledgement, reply letter, extension notice per SLA policy, escalations). */
  upsertNoticeRule: NoticeRule;
  /** Unknown {{variables}} are refused at save (field body). */
  upsertReplyTemplate: ReplyTemplate;
  upsertRuleTest: RuleTestCase;
  upsertSeverityLevel: SeverityLevel;
  upsertSlaPolicy: SlaPolicy;
  upsertTeam: Team;
  /** Adds or replaces a workflow; unreachable states, unknown facts in guards and the like are refused at publish with their paths. */
  upsertWorkflow: Workflow;
};


export type MutationAcceptInvitationArgs = {
  password: Scalars['String']['input'];
  token: Scalars['String']['input'];
};


export type MutationAcceptPredictedCauseArgs = {
  complaintId: Scalars['ID']['input'];
};


export type MutationAcknowledgeAlertArgs = {
  id: Scalars['ID']['input'];
};


export type MutationAddCommentArgs = {
  id: Scalars['ID']['input'];
  internal?: InputMaybe<Scalars['Boolean']['input']>;
  text: Scalars['String']['input'];
};


export type MutationAddIncidentMembersArgs = {
  complaintIds: Array<Scalars['ID']['input']>;
  id: Scalars['ID']['input'];
};


export type MutationApproveComplaintClosureArgs = {
  comment?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
};


export type MutationApproveComplaintReplyArgs = {
  comment?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
};


export type MutationApproveDeadlineExtensionArgs = {
  requestId: Scalars['ID']['input'];
};


export type MutationApprovePolicyVersionArgs = {
  note?: InputMaybe<Scalars['String']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationAssignComplaintArgs = {
  input: AssignInput;
};


export type MutationAssignIncidentArgs = {
  id: Scalars['ID']['input'];
  ownerId: Scalars['ID']['input'];
};


export type MutationBeginSsoLoginArgs = {
  tenant: Scalars['String']['input'];
};


export type MutationChangePasswordArgs = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};


export type MutationCloseComplaintArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationCloseIncidentArgs = {
  id: Scalars['ID']['input'];
  mode: IncidentCloseMode;
  reason: Scalars['String']['input'];
};


export type MutationCompleteComplaintTaskArgs = {
  result: Scalars['String']['input'];
  taskId: Scalars['ID']['input'];
};


export type MutationCompleteSsoLoginArgs = {
  callbackUrl: Scalars['String']['input'];
};


export type MutationConfirmComplaintCauseArgs = {
  cause: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


export type MutationConfirmSecondFactorArgs = {
  code: Scalars['String']['input'];
};


export type MutationCreateApiTokenArgs = {
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  name: Scalars['String']['input'];
  role: Role;
};


export type MutationCreateComplaintTaskArgs = {
  input: TaskInput;
};


export type MutationCreateIncidentArgs = {
  input: CreateIncidentInput;
};


export type MutationCreateTenantArgs = {
  input: CreateTenantInput;
};


export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


export type MutationCreateWebhookSubscriptionArgs = {
  input: WebhookSubscriptionInput;
};


export type MutationDeactivateUserArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteApprovalChainArgs = {
  key: Scalars['String']['input'];
};


export type MutationDeleteCalendarArgs = {
  key: Scalars['String']['input'];
};


export type MutationDeleteChannelArgs = {
  key: Scalars['String']['input'];
};


export type MutationDeleteComplaintTypeArgs = {
  key: Scalars['String']['input'];
};


export type MutationDeleteDepartmentArgs = {
  key: Scalars['String']['input'];
};


export type MutationDeleteEscalationRuleArgs = {
  key: Scalars['String']['input'];
};


export type MutationDeleteFieldArgs = {
  key: Scalars['String']['input'];
};


export type MutationDeleteFindingCodeArgs = {
  key: Scalars['String']['input'];
};


export type MutationDeleteHolidayScheduleArgs = {
  key: Scalars['String']['input'];
};


export type MutationDeleteIncidentRuleArgs = {
  key: Scalars['String']['input'];
};


export type MutationDeleteNoticeRuleArgs = {
  key: Scalars['String']['input'];
};


export type MutationDeleteReplyTemplateArgs = {
  key: Scalars['String']['input'];
};


export type MutationDeleteRuleTestArgs = {
  key: Scalars['String']['input'];
};


export type MutationDeleteSeverityLevelArgs = {
  key: Scalars['String']['input'];
};


export type MutationDeleteSlaPolicyArgs = {
  key: Scalars['String']['input'];
};


export type MutationDeleteTeamArgs = {
  key: Scalars['String']['input'];
};


export type MutationDeleteWebhookSubscriptionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteWorkflowArgs = {
  key: Scalars['String']['input'];
};


export type MutationDisablePluginArgs = {
  id: Scalars['String']['input'];
};


export type MutationDisableSecondFactorArgs = {
  password: Scalars['String']['input'];
};


export type MutationEnablePluginArgs = {
  id: Scalars['String']['input'];
  presetArgs?: InputMaybe<Scalars['JSON']['input']>;
};


export type MutationExportComplaintStatsArgs = {
  filter?: InputMaybe<ComplaintFilter>;
  format: ExportFormat;
  groupBy?: InputMaybe<Array<StatsDimension>>;
  period: PeriodInput;
};


export type MutationExportComplaintsArgs = {
  filter?: InputMaybe<ComplaintFilter>;
  format: ExportFormat;
  locale?: InputMaybe<Scalars['String']['input']>;
};


export type MutationExtendDeadlineArgs = {
  complaintId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  target: Scalars['String']['input'];
};


export type MutationGenerateWeeklyReportArgs = {
  weekStart: Scalars['String']['input'];
};


export type MutationImportHolidayNoticeArgs = {
  source?: InputMaybe<Scalars['String']['input']>;
  text: Scalars['String']['input'];
  year: Scalars['Int']['input'];
};


export type MutationImportPolicyArgs = {
  document: Scalars['String']['input'];
};


export type MutationInviteUserArgs = {
  input: InviteUserInput;
};


export type MutationLoginArgs = {
  code?: InputMaybe<Scalars['String']['input']>;
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
  tenant?: InputMaybe<Scalars['String']['input']>;
};


export type MutationMarkNotificationsReadArgs = {
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
};


export type MutationMergeIncidentsArgs = {
  sourceId: Scalars['ID']['input'];
  targetId: Scalars['ID']['input'];
};


export type MutationPublishPolicyArgs = {
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationPurgeExpiredComplaintsArgs = {
  dryRun?: Scalars['Boolean']['input'];
};


export type MutationReactivateUserArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReapplyPolicyArgs = {
  input?: InputMaybe<ReapplyPolicyInput>;
};


export type MutationRecordFindingArgs = {
  input: FindingInput;
};


export type MutationRecordFollowUpArgs = {
  input: FollowUpInput;
};


export type MutationRejectComplaintClosureArgs = {
  comment?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
};


export type MutationRejectComplaintReplyArgs = {
  comment?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
};


export type MutationRejectDeadlineExtensionArgs = {
  reason: Scalars['String']['input'];
  requestId: Scalars['ID']['input'];
};


export type MutationRejectPolicyVersionArgs = {
  note?: InputMaybe<Scalars['String']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationReleaseIncidentMembersArgs = {
  complaintIds: Array<Scalars['ID']['input']>;
  id: Scalars['ID']['input'];
};


export type MutationReplayDeliveriesArgs = {
  input: ReplayDeliveriesInput;
};


export type MutationReplyToComplaintArgs = {
  input: ReplyInput;
};


export type MutationReplyToIncidentArgs = {
  id: Scalars['ID']['input'];
  input: IncidentReplyInput;
};


export type MutationReportProgressArgs = {
  id: Scalars['ID']['input'];
  text: Scalars['String']['input'];
};


export type MutationRequestPasswordResetArgs = {
  id: Scalars['ID']['input'];
};


export type MutationResetPasswordArgs = {
  password: Scalars['String']['input'];
  token: Scalars['String']['input'];
};


export type MutationResetUserSecondFactorArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRetryDeliveryArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeApiTokenArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRollbackPolicyArgs = {
  note?: InputMaybe<Scalars['String']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationSetClassifierDictionaryArgs = {
  words: Array<Scalars['String']['input']>;
};


export type MutationSetClassifierGateMarginArgs = {
  margin: Scalars['Float']['input'];
};


export type MutationSetRuleSetArgs = {
  key: RuleSetKey;
  table: Scalars['JSON']['input'];
};


export type MutationSimulatePolicyArgs = {
  sample: SimulationSampleInput;
};


export type MutationSplitIncidentArgs = {
  complaintIds: Array<Scalars['ID']['input']>;
  id: Scalars['ID']['input'];
  title: Scalars['String']['input'];
};


export type MutationSubmitComplaintArgs = {
  input: SubmitComplaintInput;
};


export type MutationSwitchTenantArgs = {
  code?: InputMaybe<Scalars['String']['input']>;
  tenantId: Scalars['ID']['input'];
};


export type MutationTransitionArgs = {
  comment?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  to: Scalars['String']['input'];
};


export type MutationUpdateEmailSettingsArgs = {
  input: EmailSettingsInput;
  password?: InputMaybe<Scalars['String']['input']>;
};


export type MutationUpdatePolicySettingsArgs = {
  input: PolicySettingsInput;
};


export type MutationUpdateSmsSettingsArgs = {
  input: SmsSettingsInput;
  secret?: InputMaybe<Scalars['String']['input']>;
};


export type MutationUpdateSsoSettingsArgs = {
  input: SsoSettingsInput;
};


export type MutationUpdateTenantArgs = {
  input: TenantSettingsInput;
};


export type MutationUpdateUserArgs = {
  id: Scalars['ID']['input'];
  input: UpdateUserInput;
};


export type MutationUpdateWebhookSubscriptionArgs = {
  id: Scalars['ID']['input'];
  input: WebhookSubscriptionUpdate;
};


export type MutationUpsertApprovalChainArgs = {
  input: ApprovalChainInput;
};


export type MutationUpsertCalendarArgs = {
  input: CalendarInput;
};


export type MutationUpsertChannelArgs = {
  input: ChannelInput;
};


export type MutationUpsertComplaintTypeArgs = {
  input: ComplaintTypeInput;
};


export type MutationUpsertDepartmentArgs = {
  input: DepartmentInput;
};


export type MutationUpsertEscalationRuleArgs = {
  input: EscalationRuleInput;
};


export type MutationUpsertFieldArgs = {
  input: FieldDefinitionInput;
};


export type MutationUpsertFindingCodeArgs = {
  input: FindingCodeInput;
};


export type MutationUpsertHolidayScheduleArgs = {
  input: HolidayScheduleInput;
};


export type MutationUpsertIncidentRuleArgs = {
  input: IncidentRuleInput;
};


export type MutationUpsertNoticeRuleArgs = {
  input: NoticeRuleInput;
};


export type MutationUpsertReplyTemplateArgs = {
  input: ReplyTemplateInput;
};


export type MutationUpsertRuleTestArgs = {
  input: RuleTestCaseInput;
};


export type MutationUpsertSeverityLevelArgs = {
  input: SeverityLevelInput;
};


export type MutationUpsertSlaPolicyArgs = {
  input: SlaPolicyInput;
};


export type MutationUpsertTeamArgs = {
  input: TeamInput;
};


export type MutationUpsertWorkflowArgs = {
  input: WorkflowInput;
};

/** What is sent when: on `event`, `template` to `to` over `channels`, for the complaints matching the filters. */
export type NoticeRule = {
  __typename?: 'NoticeRule';
  active?: Maybe<Scalars['Boolean']['output']>;
  /** email | sms | in_app */
  channels: Array<Scalars['String']['output']>;
  complaintChannels?: Maybe<Array<Scalars['String']['output']>>;
  /** complaint.submitted | complaint.routed | complaint.transitioned | complaint.replied | complaint.closed | sla.warning | sla.breached | sla.extended */
  event: Scalars['String']['output'];
  key: Scalars['String']['output'];
  name: LocalizedText;
  severities?: Maybe<Array<Scalars['String']['output']>>;
  slaPolicies?: Maybe<Array<Scalars['String']['output']>>;
  states?: Maybe<Array<Scalars['String']['output']>>;
  /** For sla.* events: only these SLA targets (progress_update …). */
  targets?: Maybe<Array<Scalars['String']['output']>>;
  template?: Maybe<Scalars['String']['output']>;
  /** customer | assignee | manager | department | a role | an e-mail address */
  to: Scalars['String']['output'];
  typeKeys?: Maybe<Array<Scalars['String']['output']>>;
  /** Sent even in the quiet hours. */
  urgent?: Maybe<Scalars['Boolean']['output']>;
};

export type NoticeRuleInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** email | sms | in_app */
  channels: Array<Scalars['String']['input']>;
  complaintChannels?: InputMaybe<Array<Scalars['String']['input']>>;
  /** complaint.submitted | complaint.routed | complaint.transitioned | complaint.replied | complaint.closed | sla.warning | sla.breached | sla.extended */
  event: Scalars['String']['input'];
  key: Scalars['String']['input'];
  name: LocalizedTextInput;
  severities?: InputMaybe<Array<Scalars['String']['input']>>;
  slaPolicies?: InputMaybe<Array<Scalars['String']['input']>>;
  states?: InputMaybe<Array<Scalars['String']['input']>>;
  /** For sla.* events: only these SLA targets (progress_update …). */
  targets?: InputMaybe<Array<Scalars['String']['input']>>;
  template?: InputMaybe<Scalars['String']['input']>;
  /** customer | assignee | manager | department | a role | an e-mail address */
  to: Scalars['String']['input'];
  typeKeys?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Sent even in the quiet hours. */
  urgent?: InputMaybe<Scalars['Boolean']['input']>;
};

/** On-time rate of one SLA target: clocks met before due / clocks stopped (met or breached). */
export type OnTimeRateView = {
  __typename?: 'OnTimeRateView';
  met: Scalars['Int']['output'];
  rate?: Maybe<Scalars['Float']['output']>;
  stopped: Scalars['Int']['output'];
  target: Scalars['String']['output'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type PathChange = {
  __typename?: 'PathChange';
  after?: Maybe<Scalars['JSON']['output']>;
  before?: Maybe<Scalars['JSON']['output']>;
  path: Scalars['String']['output'];
};

/** Complaints received in [from, to). */
export type PeriodInput = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};

/** A platform-level audit entry: a failed sign-in or lockout that concerned no tenant’s member. */
export type PlatformAuditEntry = {
  __typename?: 'PlatformAuditEntry';
  action: Scalars['String']['output'];
  after?: Maybe<Scalars['JSON']['output']>;
  createdAt: Scalars['DateTime']['output'];
  entity: Scalars['String']['output'];
  entityKey?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  ip?: Maybe<Scalars['String']['output']>;
};

/** What enabling the plugin adds to the draft policy: counts and keys per collection. */
export type PluginContributions = {
  __typename?: 'PluginContributions';
  channels: Array<Scalars['String']['output']>;
  complaintTypeCount: Scalars['Int']['output'];
  complaintTypes: Array<Scalars['String']['output']>;
  departments: Array<Scalars['String']['output']>;
  escalations: Array<Scalars['String']['output']>;
  /** Events the plugin reacts to (blocking hooks and after-handlers). */
  events: Array<Scalars['String']['output']>;
  /** Facts the plugin adds to the fact schema. */
  facts: Array<Scalars['String']['output']>;
  fieldCount: Scalars['Int']['output'];
  fields: Array<Scalars['String']['output']>;
  /** JSON-logic operators the plugin adds. */
  operators: Array<Scalars['String']['output']>;
  ruleTestCount: Scalars['Int']['output'];
  severityLevels: Array<Scalars['String']['output']>;
  slaPolicies: Array<Scalars['String']['output']>;
  slaPolicyCount: Scalars['Int']['output'];
  templateCount: Scalars['Int']['output'];
  templates: Array<Scalars['String']['output']>;
};

export type PluginFailure = {
  __typename?: 'PluginFailure';
  attempt: Scalars['Int']['output'];
  complaintId?: Maybe<Scalars['String']['output']>;
  error: Scalars['String']['output'];
  eventName: Scalars['String']['output'];
  id: Scalars['String']['output'];
  occurredAt: Scalars['DateTime']['output'];
  /** blocking (intake hook) or after (outbox handler) */
  phase: Scalars['String']['output'];
  pluginId: Scalars['String']['output'];
  timedOut: Scalars['Boolean']['output'];
};

export type PluginInfo = {
  __typename?: 'PluginInfo';
  adds: PluginContributions;
  /** Semver range of Redress versions the plugin supports. */
  compatibility: Scalars['String']['output'];
  description: LocalizedText;
  /** Enabled for the caller’s tenant. */
  enabled: Scalars['Boolean']['output'];
  failureCount: Scalars['Int']['output'];
  id: Scalars['String']['output'];
  /** Installed in this deployment (always true for listed plugins). */
  installed: Scalars['Boolean']['output'];
  lastFailure?: Maybe<PluginFailure>;
  name: LocalizedText;
  rulePresets: Array<PluginRulePreset>;
  /** Setting definitions and this tenant’s values. */
  settings: Scalars['JSON']['output'];
  version: Scalars['String']['output'];
};

export type PluginRulePreset = {
  __typename?: 'PluginRulePreset';
  /** Argument definitions {name: {type, label, default, options?, min?, max?}} for the console form. */
  args: Scalars['JSON']['output'];
  code: Scalars['String']['output'];
  description: LocalizedText;
  name: LocalizedText;
  /** validity | severity | routing | sla */
  ruleSet: Scalars['String']['output'];
  /** The values this tenant enabled the plugin with (null: defaults). */
  values?: Maybe<Scalars['JSON']['output']>;
};

export type PolicyDiff = {
  __typename?: 'PolicyDiff';
  collections: Array<CollectionDiff>;
  from: Scalars['String']['output'];
  identical: Scalars['Boolean']['output'];
  ruleSets: Array<RuleSetDiff>;
  settings: Array<PathChange>;
  /** One line per changed collection, rule table and setting. */
  summary: Scalars['String']['output'];
  to: Scalars['String']['output'];
};

/** A whole policy: what decides how complaints are handled. */
export type PolicyDocument = {
  __typename?: 'PolicyDocument';
  approvalChains: Array<ApprovalChain>;
  calendars: Array<Calendar>;
  channels: Array<Channel>;
  complaintTypes: Array<ComplaintType>;
  departments: Array<Department>;
  escalations: Array<EscalationRule>;
  fields: Array<FieldDefinition>;
  findingCodes: Array<FindingCode>;
  holidaySchedules: Array<HolidaySchedule>;
  incidentRules: Array<IncidentRule>;
  notices: Array<NoticeRule>;
  rules: PolicyRuleSets;
  schemaVersion: Scalars['Int']['output'];
  settings: PolicySettings;
  severityLevels: Array<SeverityLevel>;
  slaPolicies: Array<SlaPolicy>;
  teams: Array<Team>;
  templates: Array<ReplyTemplate>;
  tests: Array<RuleTestCase>;
  /** The workflows in effect: the built-in default is listed when the policy has no `default`. */
  workflows: Array<Workflow>;
};

/** A fact a rule may read, e.g. complaint.channel. */
export type PolicyFactField = {
  __typename?: 'PolicyFactField';
  label?: Maybe<LocalizedText>;
  options?: Maybe<Array<Scalars['String']['output']>>;
  /** Dotted path used in {"var": …}. */
  path: Scalars['String']['output'];
  type: Scalars['String']['output'];
};

export type PolicyProblem = {
  __typename?: 'PolicyProblem';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  /** Where, e.g. complaintTypes[service.attitude].defaultDepartment or rules.routing.rows[r1].when.and[0]. */
  path: Scalars['String']['output'];
  suggestion?: Maybe<Scalars['String']['output']>;
};

export type PolicyRuleSets = {
  __typename?: 'PolicyRuleSets';
  routing: DecisionTable;
  severity: DecisionTable;
  sla: DecisionTable;
  validity: DecisionTable;
};

export type PolicySettings = {
  __typename?: 'PolicySettings';
  attachments?: Maybe<AttachmentSettings>;
  defaultCalendar: Scalars['String']['output'];
  defaultSeverity: Scalars['String']['output'];
  kpiTargets?: Maybe<KpiTargets>;
  /** Complaint numbers, e.g. {YY}{MM}-{SEQ:4} (default); tokens {YYYY} {YY} {MM} {SEQ:n}. */
  numberPattern?: Maybe<Scalars['String']['output']>;
  repeatWindowDays?: Maybe<Scalars['Int']['output']>;
  /** Publishing needs a second person’s approval (maker-checker). */
  requirePublishApproval?: Maybe<Scalars['Boolean']['output']>;
};

/** Only the given settings change. */
export type PolicySettingsInput = {
  /** Replaces the attachment limits as a whole. */
  attachments?: InputMaybe<AttachmentSettingsInput>;
  defaultCalendar?: InputMaybe<Scalars['String']['input']>;
  defaultSeverity?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the KPI targets as a whole. */
  kpiTargets?: InputMaybe<KpiTargetsInput>;
  /** Checked at once: a serial {SEQ:n}, the year and the month are required. */
  numberPattern?: InputMaybe<Scalars['String']['input']>;
  repeatWindowDays?: InputMaybe<Scalars['Int']['input']>;
  requirePublishApproval?: InputMaybe<Scalars['Boolean']['input']>;
};

export type PolicyValidation = {
  __typename?: 'PolicyValidation';
  problems: Array<PolicyProblem>;
  tests: Array<RuleTestResult>;
  /** No problems and every rule test passes: publishing would succeed. */
  valid: Scalars['Boolean']['output'];
};

/** An immutable, numbered snapshot of the policy. */
export type PolicyVersion = {
  __typename?: 'PolicyVersion';
  /** Publishing chain progress: { chain, step, signatures: [{ step, userId, role, at, comment }] }. */
  approval?: Maybe<Scalars['JSON']['output']>;
  approvedBy?: Maybe<Scalars['String']['output']>;
  /** SHA-256 of the canonical JSON document. */
  contentHash: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  createdBy?: Maybe<Scalars['String']['output']>;
  /** Why it was approved or rejected. */
  decisionNote?: Maybe<Scalars['String']['output']>;
  document: PolicyDocument;
  documentJson: Scalars['JSON']['output'];
  /** The version deciding new complaints now. */
  isCurrent: Scalars['Boolean']['output'];
  note?: Maybe<Scalars['String']['output']>;
  publishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** For a rollback: the version republished. */
  rolledBackFrom?: Maybe<Scalars['Int']['output']>;
  /** pending_approval | published | rejected */
  status: Scalars['String']['output'];
  version: Scalars['Int']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** 预警, newest first. */
  analyticsAlerts: Array<AnalyticsAlertView>;
  /** API tokens: all of the tenant for an admin, a manager’s own for a manager. */
  apiTokens: Array<ApiToken>;
  /** Active users a complaint can be assigned to (admins, managers, handlers), for the roles that assign work. */
  assignableUsers: Array<AssignableUser>;
  /** Configuration changes of the caller’s tenant, newest first. */
  auditLog: AuditConnection;
  /** The business calendars of the current policy. */
  businessCalendars: Array<BusinessCalendarView>;
  /** Where `workingDays` working days from `from` end in a calendar, with each day and why it is (not) a working day. */
  calendarPreview: CalendarPreview;
  /** Tenant words the classifier’s segmenter keeps whole (product names, local terms). */
  classifierDictionary: Array<Scalars['String']['output']>;
  /** How much lower (absolute accuracy, 0.02 = 2 points) a retrained model’s held-out accuracy may be than the active model’s and still become active. */
  classifierGateMargin: Scalars['Float']['output'];
  classifierJob: ClassifierJob;
  /** The tenant’s cause-classifier versions, newest first, with measured accuracy. */
  classifierModels: Array<ClassifierModel>;
  complaint: Complaint;
  complaintByNumber: Complaint;
  /** 投诉统计: complaints received in the period, grouped; expensive measures (working time, effective resolution, on-time) only when selected. */
  complaintStats: ComplaintStats;
  /** Complaints as a Relay connection, filtered and ordered (RESOLUTION_DUE_ASC for work queues). */
  complaints: ComplaintConnection;
  /** The version deciding new complaints (intake forms read its types, fields and channels); null before the first publish. */
  currentPolicyVersion?: Maybe<PolicyVersion>;
  /** The caller’s tenant. */
  currentTenant: Tenant;
  /** Deliveries, newest first, filtered by complaint, channel, status, topic, recipient and time. */
  deliveries: DeliveryPage;
  /** The draft policy (what publishPolicy would publish). */
  draftPolicy: PolicyDocument;
  /** The draft policy as one JSON document. */
  draftPolicyJson: Scalars['JSON']['output'];
  /** SMTP settings (the password is never returned). */
  emailSettings?: Maybe<EmailSettingsView>;
  exportJob: ExportJobView;
  /** Canonical JSON (sorted keys, 2-space indent) of a version, "current" (default) or "draft". */
  exportPolicy: Scalars['String']['output'];
  incident: Incident;
  /** The incident a complaint belongs to, if any. */
  incidentOfComplaint?: Maybe<Incident>;
  /** Incidents formed in [from, to) and their members, counted apart. */
  incidentStats: IncidentStats;
  /** 批量事件, newest first. */
  incidents: Array<Incident>;
  /** The caller (an API token appears as a user named after the token). */
  me: User;
  /** The caller’s in-app notices, newest first. */
  myNotifications: Array<StaffNotification>;
  /** The caller’s open complaints, soonest deadline first. */
  myQueue: ComplaintConnection;
  /** The caller’s tenant and the other tenants the sign-in opened (same e-mail and password), to switch between. */
  myTenants: Array<TenantChoice>;
  /** Deadline extensions waiting for the caller’s role to decide (the approvals inbox), newest first. */
  pendingDeadlineExtensions: Array<SlaExtensionRequestView>;
  /** Platform operator only: sign-in failures and lockouts that concerned no tenant’s member, newest first. */
  platformAuditLog: Array<PlatformAuditEntry>;
  /** Latest failures of plugin hooks and handlers in this tenant, newest first. */
  pluginFailures: Array<PluginFailure>;
  /** Plugins installed in this deployment, with what they add and whether this tenant enabled them. */
  plugins: Array<PluginInfo>;
  /** What changed between two versions; each side is a version number, "current" or "draft". */
  policyDiff: PolicyDiff;
  /** The facts a rule of the draft may read (system facts + form fields), for the rule builder. */
  policyFactSchema: Array<PolicyFactField>;
  policyVersion: PolicyVersion;
  /** All versions, newest first. */
  policyVersions: Array<PolicyVersion>;
  /** The likely causes of a complaint text, the words that drove the prediction and the most similar past complaints. */
  predictComplaintCause: CausePrediction;
  /** Old vs new due time of open clocks if the current policy version were applied to them. Moves nothing. */
  reapplyPolicyPreview: Array<SlaReapplyChange>;
  /** Dry run of the retention purge: closed complaints past their type’s retention period, per type. */
  retentionReport: RetentionReport;
  /** Operators a rule may use (JSON-logic built-ins and Redress operators). */
  ruleOperators: Array<RuleOperator>;
  /** Runs the stored rule tests of a version, or of the draft (default). */
  runPolicyTests: Array<RuleTestResult>;
  simulationJob: SimulationJob;
  /** The SLA clocks of a complaint: due time, remaining working minutes, status, warning time, extensions. */
  slaClocks: Array<SlaClockView>;
  /** On-time rate, breaches and average working minutes per SLA target for clocks stopped in [from, to). */
  slaKpis: Array<SlaKpi>;
  smsSettings?: Maybe<SmsSettingsView>;
  /** Whether the tenant (by slug) offers single sign-on, for the sign-in page. */
  ssoAvailable: Scalars['Boolean']['output'];
  ssoSettings?: Maybe<SsoSettings>;
  /** Complaints without a confirmed cause, least sure prediction first (smallest margin between the two likeliest causes): confirming these teaches the next training the most. */
  uncertainPredictions: Array<UncertainPrediction>;
  /** Unread in-app notices of the caller (the bell’s badge). */
  unreadNotificationCount: Scalars['Int']['output'];
  user: User;
  /** Users of the caller’s tenant, optionally filtered. */
  users: Array<User>;
  /** Every problem of the draft and the result of every rule test. */
  validatePolicyDraft: PolicyValidation;
  webhookSubscriptions: Array<WebhookSubscription>;
  /** The report of the week starting on this local Monday (YYYY-MM-DD). */
  weeklyReport: WeeklyReportView;
  /** Weekly reports, newest first. */
  weeklyReports: Array<WeeklyReportView>;
};


export type QueryAnalyticsAlertsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<AlertStatus>;
};


export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryCalendarPreviewArgs = {
  calendarKey: Scalars['String']['input'];
  from: Scalars['DateTime']['input'];
  workingDays: Scalars['Int']['input'];
};


export type QueryClassifierJobArgs = {
  id: Scalars['ID']['input'];
};


export type QueryComplaintArgs = {
  id: Scalars['ID']['input'];
};


export type QueryComplaintByNumberArgs = {
  number: Scalars['String']['input'];
};


export type QueryComplaintStatsArgs = {
  filter?: InputMaybe<ComplaintFilter>;
  fresh?: InputMaybe<Scalars['Boolean']['input']>;
  groupBy?: InputMaybe<Array<StatsDimension>>;
  period: PeriodInput;
};


export type QueryComplaintsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ComplaintFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ComplaintOrder>;
};


export type QueryDeliveriesArgs = {
  filter?: InputMaybe<DeliveryFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryExportJobArgs = {
  id: Scalars['ID']['input'];
};


export type QueryExportPolicyArgs = {
  version?: InputMaybe<Scalars['String']['input']>;
};


export type QueryIncidentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryIncidentOfComplaintArgs = {
  complaintId: Scalars['ID']['input'];
};


export type QueryIncidentStatsArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};


export type QueryIncidentsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  state?: InputMaybe<Array<IncidentState>>;
};


export type QueryMyNotificationsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryMyQueueArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPlatformAuditLogArgs = {
  action?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPluginFailuresArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  phase?: InputMaybe<Scalars['String']['input']>;
  pluginId?: InputMaybe<Scalars['String']['input']>;
};


export type QueryPolicyDiffArgs = {
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};


export type QueryPolicyVersionArgs = {
  version: Scalars['Int']['input'];
};


export type QueryPredictComplaintCauseArgs = {
  text: Scalars['String']['input'];
};


export type QueryReapplyPolicyPreviewArgs = {
  input?: InputMaybe<ReapplyPolicyInput>;
};


export type QueryRunPolicyTestsArgs = {
  version?: InputMaybe<Scalars['String']['input']>;
};


export type QuerySimulationJobArgs = {
  id: Scalars['String']['input'];
};


export type QuerySlaClocksArgs = {
  complaintId: Scalars['ID']['input'];
};


export type QuerySlaKpisArgs = {
  from: Scalars['DateTime']['input'];
  groupBy?: SlaKpiGroupBy;
  to: Scalars['DateTime']['input'];
};


export type QuerySsoAvailableArgs = {
  tenant: Scalars['String']['input'];
};


export type QueryUncertainPredictionsArgs = {
  first?: Scalars['Int']['input'];
};


export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUsersArgs = {
  filter?: InputMaybe<UserFilterInput>;
};


export type QueryWeeklyReportArgs = {
  week: Scalars['String']['input'];
};


export type QueryWeeklyReportsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type QuietHours = {
  __typename?: 'QuietHours';
  end: Scalars['String']['output'];
  start: Scalars['String']['output'];
};

export type QuietHoursInput = {
  end: Scalars['String']['input'];
  start: Scalars['String']['input'];
};

export type ReapplyPolicyInput = {
  /** Only these complaints; omitted: every open clock pinned to an older version. */
  complaintIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** At most this many clocks (default 500). */
  limit?: InputMaybe<Scalars['Int']['input']>;
};

export type ReplayDeliveriesInput = {
  channel?: InputMaybe<Scalars['String']['input']>;
  complaintId?: InputMaybe<Scalars['ID']['input']>;
  /** A webhook subscription id, user id or customer id. */
  recipientRef?: InputMaybe<Scalars['String']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  status?: InputMaybe<Scalars['String']['input']>;
  /** Statuses to send again (default: dead). */
  statuses?: InputMaybe<Array<Scalars['String']['input']>>;
  topic?: InputMaybe<Scalars['String']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
};

export type ReplyInput = {
  /** Text to send; when a template is given it is rendered and this is ignored. */
  body?: InputMaybe<Scalars['String']['input']>;
  /** Channel to answer by (default: the complaint’s channel). */
  channel?: InputMaybe<Scalars['String']['input']>;
  complaintId: Scalars['ID']['input'];
  rootCause?: InputMaybe<Scalars['String']['input']>;
  solution?: InputMaybe<Scalars['String']['input']>;
  templateKey?: InputMaybe<Scalars['String']['input']>;
};

export type ReplyTemplate = {
  __typename?: 'ReplyTemplate';
  /** Text with {{customer.name}}, {{complaint.number}} … (see TEMPLATE_VARIABLES). */
  body: Scalars['String']['output'];
  channel?: Maybe<Scalars['String']['output']>;
  /** For staff only (公司机密): never sent to a customer. */
  internal?: Maybe<Scalars['Boolean']['output']>;
  key: Scalars['String']['output'];
  kind: TemplateKind;
  name: LocalizedText;
  source?: Maybe<Scalars['String']['output']>;
  subject?: Maybe<Scalars['String']['output']>;
  typeKeys?: Maybe<Array<Scalars['String']['output']>>;
};

export type ReplyTemplateInput = {
  /** Text with {{customer.name}}, {{complaint.number}} … (see TEMPLATE_VARIABLES). */
  body: Scalars['String']['input'];
  channel?: InputMaybe<Scalars['String']['input']>;
  /** For staff only (公司机密): never sent to a customer. */
  internal?: InputMaybe<Scalars['Boolean']['input']>;
  key: Scalars['String']['input'];
  kind: TemplateKind;
  name: LocalizedTextInput;
  source?: InputMaybe<Scalars['String']['input']>;
  subject?: InputMaybe<Scalars['String']['input']>;
  typeKeys?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type RetentionReport = {
  __typename?: 'RetentionReport';
  asOf: Scalars['DateTime']['output'];
  /** Stored attachment files removed by a run (no remaining complaint names them). */
  attachmentFiles: Scalars['Int']['output'];
  complaints: Scalars['Int']['output'];
  /** Complainants whose every complaint is due: their record goes too. */
  customers: Scalars['Int']['output'];
  /** True: nothing was removed, the counts say what a run would remove. */
  dryRun: Scalars['Boolean']['output'];
  /** Export files removed by a run (any may list a purged complaint). */
  exportFiles: Scalars['Int']['output'];
  policyVersion?: Maybe<Scalars['Int']['output']>;
  /** Types with complaints due, each with its period. */
  types: Array<RetentionTypeCount>;
};

export type RetentionTypeCount = {
  __typename?: 'RetentionTypeCount';
  /** Complaints of this type closed at or before this instant are due. */
  closedBefore: Scalars['DateTime']['output'];
  complaints: Scalars['Int']['output'];
  retentionMonths: Scalars['Int']['output'];
  type: Scalars['String']['output'];
  typeName?: Maybe<Scalars['String']['output']>;
};

/** What a user or API token may do. Every resolver names the roles it admits; the default is deny. */
export type Role =
  | 'admin'
  | 'agent'
  | 'analyst'
  | 'api_client'
  | 'auditor'
  | 'expert'
  | 'handler'
  | 'manager';

export type RuleOperator = {
  __typename?: 'RuleOperator';
  args: Array<RuleOperatorArg>;
  /** Shipped with Redress (JSON-logic and Redress built-ins) rather than registered by a plugin. */
  builtin: Scalars['Boolean']['output'];
  category: Scalars['String']['output'];
  description: LocalizedText;
  name: Scalars['String']['output'];
  returns: Scalars['String']['output'];
  /** One of JSON-logic's own operators; false for Redress and plugin operators (which the rule builder offers by name). */
  standard: Scalars['Boolean']['output'];
};

export type RuleOperatorArg = {
  __typename?: 'RuleOperatorArg';
  description: LocalizedText;
  name: Scalars['String']['output'];
  optional?: Maybe<Scalars['Boolean']['output']>;
  type: Scalars['String']['output'];
  variadic?: Maybe<Scalars['Boolean']['output']>;
};

export type RuleSetDiff = {
  __typename?: 'RuleSetDiff';
  key: Scalars['String']['output'];
  rowsAdded: Array<Scalars['String']['output']>;
  rowsChanged: Array<ChangedObject>;
  rowsRemoved: Array<Scalars['String']['output']>;
  rowsReordered: Scalars['Boolean']['output'];
  tableChanges: Array<PathChange>;
};

/** The four decision tables of a policy, evaluated in this order. */
export type RuleSetKey =
  | 'routing'
  | 'severity'
  | 'sla'
  | 'validity';

export type RuleTestCase = {
  __typename?: 'RuleTestCase';
  description?: Maybe<Scalars['String']['output']>;
  expect: RuleTestExpectation;
  /** Sample complaint facts (see policyFactSchema). */
  facts: Scalars['JSON']['output'];
  key: Scalars['String']['output'];
};

export type RuleTestCaseInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  expect: RuleTestExpectationInput;
  /** Sample complaint facts (see policyFactSchema). */
  facts: Scalars['JSON']['input'];
  key: Scalars['String']['input'];
};

export type RuleTestExpectation = {
  __typename?: 'RuleTestExpectation';
  department?: Maybe<Scalars['String']['output']>;
  invalidReason?: Maybe<Scalars['String']['output']>;
  severity?: Maybe<Scalars['String']['output']>;
  slaPolicy?: Maybe<Scalars['String']['output']>;
  valid?: Maybe<Scalars['Boolean']['output']>;
};

export type RuleTestExpectationInput = {
  department?: InputMaybe<Scalars['String']['input']>;
  invalidReason?: InputMaybe<Scalars['String']['input']>;
  severity?: InputMaybe<Scalars['String']['input']>;
  slaPolicy?: InputMaybe<Scalars['String']['input']>;
  valid?: InputMaybe<Scalars['Boolean']['input']>;
};

export type RuleTestFailure = {
  __typename?: 'RuleTestFailure';
  actual: Scalars['String']['output'];
  expected: Scalars['String']['output'];
  /** e.g. "test t1: expected severity urgent, got normal (row sev-default)" */
  message: Scalars['String']['output'];
  /** The rule row that decided; absent when a fallback decided. */
  rowKey?: Maybe<Scalars['String']['output']>;
  trace?: Maybe<Scalars['String']['output']>;
  /** valid | invalidReason | severity | department | slaPolicy */
  what: Scalars['String']['output'];
};

export type RuleTestResult = {
  __typename?: 'RuleTestResult';
  /** All four decisions with their rows and traces. */
  decisions?: Maybe<Scalars['JSON']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  error?: Maybe<Scalars['String']['output']>;
  failures: Array<RuleTestFailure>;
  key: Scalars['String']['output'];
  passed: Scalars['Boolean']['output'];
};

/** Second-factor enrolment: add the secret to an authenticator app, then confirm with a code. */
export type SecondFactorSetup = {
  __typename?: 'SecondFactorSetup';
  /** Base32 secret, for typing into the app. */
  secret: Scalars['String']['output'];
  /** otpauth:// URI, for a QR code. */
  uri: Scalars['String']['output'];
};

export type SeverityLevel = {
  __typename?: 'SeverityLevel';
  color?: Maybe<Scalars['String']['output']>;
  key: Scalars['String']['output'];
  name: LocalizedText;
  /** Higher is more severe. */
  rank: Scalars['Int']['output'];
  requiresApproval?: Maybe<Scalars['Boolean']['output']>;
};

export type SeverityLevelInput = {
  color?: InputMaybe<Scalars['String']['input']>;
  key: Scalars['String']['input'];
  name: LocalizedTextInput;
  /** Higher is more severe. */
  rank: Scalars['Int']['input'];
  requiresApproval?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A past complaint with a confirmed cause that reads alike. */
export type SimilarComplaint = {
  __typename?: 'SimilarComplaint';
  cause?: Maybe<Scalars['String']['output']>;
  complaintId: Scalars['ID']['output'];
  number: Scalars['String']['output'];
  /** Cosine similarity, 0..1 */
  score: Scalars['Float']['output'];
};

export type SimulationDifference = {
  __typename?: 'SimulationDifference';
  after: SimulationOutcome;
  before: SimulationOutcome;
  /** validity | severity | department | slaPolicy */
  changed: Array<Scalars['String']['output']>;
  id?: Maybe<Scalars['String']['output']>;
  index: Scalars['Int']['output'];
  number?: Maybe<Scalars['String']['output']>;
};

export type SimulationJob = {
  __typename?: 'SimulationJob';
  error?: Maybe<Scalars['String']['output']>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['String']['output'];
  processed: Scalars['Int']['output'];
  /** 0…1 */
  progress: Scalars['Float']['output'];
  result?: Maybe<SimulationResult>;
  startedAt: Scalars['DateTime']['output'];
  /** running | done | failed */
  status: Scalars['String']['output'];
  total: Scalars['Int']['output'];
};

export type SimulationOutcome = {
  __typename?: 'SimulationOutcome';
  department?: Maybe<Scalars['String']['output']>;
  invalidReason?: Maybe<Scalars['String']['output']>;
  severity: Scalars['String']['output'];
  slaPolicy?: Maybe<Scalars['String']['output']>;
  valid: Scalars['Boolean']['output'];
};

/** The current version versus the draft over the same complaints. */
export type SimulationResult = {
  __typename?: 'SimulationResult';
  /** The current version compared (null when nothing is published yet). */
  baseVersion?: Maybe<Scalars['Int']['output']>;
  changedAny: Scalars['Int']['output'];
  departmentChanged: Scalars['Int']['output'];
  /** Valid complaints per department. */
  departmentLoad: Array<DepartmentLoad>;
  differences: Array<SimulationDifference>;
  differencesOffset: Scalars['Int']['output'];
  elapsedMs: Scalars['Float']['output'];
  severityChanged: Scalars['Int']['output'];
  slaPolicyChanged: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
  validityChanged: Scalars['Int']['output'];
};

/** Either given complaint facts or the last N real complaints. */
export type SimulationSampleInput = {
  differencesLimit?: InputMaybe<Scalars['Int']['input']>;
  differencesOffset?: InputMaybe<Scalars['Int']['input']>;
  /** Complaint facts, one object per complaint (see policyFactSchema). */
  facts?: InputMaybe<Array<Scalars['JSON']['input']>>;
  /** The last N complaints of the tenant. */
  lastN?: InputMaybe<Scalars['Int']['input']>;
};

/** One SLA target of a complaint, computed from the complaint’s pinned policy version. */
export type SlaClockView = {
  __typename?: 'SlaClockView';
  /** Recurring targets: cycles missed. */
  breachCount: Scalars['Int']['output'];
  breachedAt?: Maybe<Scalars['DateTime']['output']>;
  calendar: Scalars['String']['output'];
  /** Set when the clock’s calendar is faulty and the built-in one was used. */
  calendarFault?: Maybe<CalendarFaultView>;
  dueAt: Scalars['DateTime']['output'];
  duration: SlaDurationView;
  extensions: Array<SlaExtensionView>;
  /** Years this deadline crosses whose official holidays the calendar does not know: the due time may be wrong (flag it). */
  holidayDataMissingYears: Array<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  pausedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Paused time so far, in the unit of the duration (working minutes for working_* targets). */
  pausedMinutes: Scalars['Float']['output'];
  pendingExtension?: Maybe<SlaExtensionRequestView>;
  policyVersion: Scalars['Int']['output'];
  /** Recurring targets: cycles completed. */
  recurringCount: Scalars['Int']['output'];
  /** Working minutes until the due time (negative when overdue); frozen while paused or stopped. */
  remainingWorkingMinutes: Scalars['Int']['output'];
  /** Handling round: 1 from intake, +1 each time the complaint is handled again after an unsatisfied follow-up (earlier rounds are history). */
  round: Scalars['Int']['output'];
  slaPolicy: Scalars['String']['output'];
  startedAt: Scalars['DateTime']['output'];
  /** running | paused | met | breached | cancelled */
  state: Scalars['String']['output'];
  /** on_time | at_risk | breached | met | paused | cancelled (now) */
  status: Scalars['String']['output'];
  stoppedAt?: Maybe<Scalars['DateTime']['output']>;
  target: Scalars['String']['output'];
  warnAt?: Maybe<Scalars['DateTime']['output']>;
  warnedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** A duration of an SLA target, e.g. 3 working_days. */
export type SlaDurationView = {
  __typename?: 'SlaDurationView';
  amount: Scalars['Float']['output'];
  /** natural_minutes | natural_hours | natural_days | working_minutes | working_hours | working_days */
  kind: Scalars['String']['output'];
};

/** A deadline extension waiting for (or decided by) a user of the approving role. */
export type SlaExtensionRequestView = {
  __typename?: 'SlaExtensionRequestView';
  approvalRole: Scalars['String']['output'];
  complaintId: Scalars['ID']['output'];
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  decidedBy?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  reason: Scalars['String']['output'];
  requestedAt: Scalars['DateTime']['output'];
  requestedBy?: Maybe<Scalars['String']['output']>;
  stage: Scalars['Int']['output'];
  /** requested | approved | rejected */
  status: Scalars['String']['output'];
  target: Scalars['String']['output'];
};

export type SlaExtensionResult = {
  __typename?: 'SlaExtensionResult';
  clock: SlaClockView;
  request?: Maybe<SlaExtensionRequestView>;
  /** extended (granted now) | requested (waits for approveDeadlineExtension) */
  status: Scalars['String']['output'];
};

/** A granted deadline extension. */
export type SlaExtensionView = {
  __typename?: 'SlaExtensionView';
  approvedBy?: Maybe<Scalars['String']['output']>;
  at: Scalars['DateTime']['output'];
  newDueAt: Scalars['DateTime']['output'];
  reason: Scalars['String']['output'];
  /** 1 = first extension. */
  stage: Scalars['Int']['output'];
};

/** On-time performance of one SLA target in one group. */
export type SlaKpi = {
  __typename?: 'SlaKpi';
  /** Average working minutes from start to stop (pauses excluded). */
  averageWorkingMinutes?: Maybe<Scalars['Int']['output']>;
  breached: Scalars['Int']['output'];
  group: Scalars['String']['output'];
  met: Scalars['Int']['output'];
  /** met / stopped. */
  onTimeRate?: Maybe<Scalars['Float']['output']>;
  /** Clocks stopped in the period (met + breached). */
  stopped: Scalars['Int']['output'];
  target: Scalars['String']['output'];
};

/** How SLA KPIs are grouped. */
export type SlaKpiGroupBy =
  | 'department'
  | 'target'
  | 'type';

export type SlaPolicy = {
  __typename?: 'SlaPolicy';
  key: Scalars['String']['output'];
  name: LocalizedText;
  source?: Maybe<Scalars['String']['output']>;
  targets: Array<SlaTarget>;
};

export type SlaPolicyInput = {
  key: Scalars['String']['input'];
  name: LocalizedTextInput;
  source?: InputMaybe<Scalars['String']['input']>;
  targets: Array<SlaTargetInput>;
};

/** What re-applying the current policy would do (or did) to one open clock. */
export type SlaReapplyChange = {
  __typename?: 'SlaReapplyChange';
  clockId: Scalars['ID']['output'];
  complaintId: Scalars['ID']['output'];
  fromVersion: Scalars['Int']['output'];
  newDueAt?: Maybe<Scalars['DateTime']['output']>;
  note?: Maybe<Scalars['String']['output']>;
  oldDueAt: Scalars['DateTime']['output'];
  target: Scalars['String']['output'];
  toVersion: Scalars['Int']['output'];
};

export type SlaTarget = {
  __typename?: 'SlaTarget';
  calendar?: Maybe<Scalars['String']['output']>;
  duration: Duration;
  extensionApprovalRole?: Maybe<Scalars['String']['output']>;
  extensions?: Maybe<Array<Duration>>;
  /** acknowledge | dispatch | first_response | progress_update | resolution | follow_up | regulatory_answer | … */
  key: Scalars['String']['output'];
  name?: Maybe<LocalizedText>;
  onNonWorkingDay?: Maybe<Scalars['String']['output']>;
  pauseWhen?: Maybe<Scalars['JSON']['output']>;
  recurring?: Maybe<Scalars['Boolean']['output']>;
  startWhen?: Maybe<Scalars['JSON']['output']>;
  stopWhen?: Maybe<Scalars['JSON']['output']>;
  warnAtPercent?: Maybe<Scalars['Int']['output']>;
};

export type SlaTargetInput = {
  calendar?: InputMaybe<Scalars['String']['input']>;
  duration: DurationInput;
  extensionApprovalRole?: InputMaybe<Scalars['String']['input']>;
  extensions?: InputMaybe<Array<DurationInput>>;
  /** acknowledge | dispatch | first_response | progress_update | resolution | follow_up | regulatory_answer | … */
  key: Scalars['String']['input'];
  name?: InputMaybe<LocalizedTextInput>;
  onNonWorkingDay?: InputMaybe<Scalars['String']['input']>;
  pauseWhen?: InputMaybe<Scalars['JSON']['input']>;
  recurring?: InputMaybe<Scalars['Boolean']['input']>;
  startWhen?: InputMaybe<Scalars['JSON']['input']>;
  stopWhen?: InputMaybe<Scalars['JSON']['input']>;
  warnAtPercent?: InputMaybe<Scalars['Int']['input']>;
};

export type SmsSettingsInput = {
  accessKeyId?: InputMaybe<Scalars['String']['input']>;
  enabled: Scalars['Boolean']['input'];
  endpoint: Scalars['String']['input'];
  /** generic | aliyun | tencent (request shapes in docs/notifications.md) */
  format: Scalars['String']['input'];
  /** concatenated | split */
  longMessages: Scalars['String']['input'];
  quietHours?: InputMaybe<QuietHoursInput>;
  signName?: InputMaybe<Scalars['String']['input']>;
};

export type SmsSettingsView = {
  __typename?: 'SmsSettingsView';
  accessKeyId?: Maybe<Scalars['String']['output']>;
  enabled: Scalars['Boolean']['output'];
  endpoint: Scalars['String']['output'];
  /** generic | aliyun | tencent (request shapes in docs/notifications.md) */
  format: Scalars['String']['output'];
  hasSecret: Scalars['Boolean']['output'];
  /** concatenated | split */
  longMessages: Scalars['String']['output'];
  quietHours?: Maybe<QuietHours>;
  signName?: Maybe<Scalars['String']['output']>;
};

/** The tenant’s OpenID Connect sign-on. The client secret is never returned. */
export type SsoSettings = {
  __typename?: 'SsoSettings';
  autoProvision: Scalars['Boolean']['output'];
  clientId: Scalars['String']['output'];
  defaultRole: Role;
  enabled: Scalars['Boolean']['output'];
  hasClientSecret: Scalars['Boolean']['output'];
  issuer: Scalars['String']['output'];
  /** Register this redirect URI at the identity provider. */
  redirectUri: Scalars['String']['output'];
};

export type SsoSettingsInput = {
  autoProvision: Scalars['Boolean']['input'];
  clientId: Scalars['String']['input'];
  /** Omit to keep the stored secret; empty to remove it. */
  clientSecret?: InputMaybe<Scalars['String']['input']>;
  defaultRole: Role;
  enabled: Scalars['Boolean']['input'];
  /** Issuer URL (https; http only on loopback). */
  issuer: Scalars['String']['input'];
};

/** An in-app notice (the console bell). */
export type StaffNotification = {
  __typename?: 'StaffNotification';
  body?: Maybe<Scalars['String']['output']>;
  complaintId?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** assigned | approval | warning | breach | mention | webhook_disabled | notice */
  kind: Scalars['String']['output'];
  readAt?: Maybe<Scalars['DateTime']['output']>;
  title: Scalars['String']['output'];
};

/** A grouping of complaint statistics. WEEK (Monday start) and MONTH are in the tenant’s time zone. */
export type StatsDimension =
  | 'CAUSE'
  | 'CHANNEL'
  | 'DEPARTMENT'
  | 'MONTH'
  | 'REGION'
  | 'SEVERITY'
  | 'TYPE'
  | 'WEEK';

export type StatsKeyView = {
  __typename?: 'StatsKeyView';
  dimension: StatsDimension;
  /** The key (type key, department key, Monday YYYY-MM-DD, YYYY-MM …); null = none. */
  key?: Maybe<Scalars['String']['output']>;
  /** Display name (zh) from the policy. */
  name?: Maybe<Scalars['String']['output']>;
};

export type SubmitComplaintInput = {
  attachments?: InputMaybe<Array<Scalars['String']['input']>>;
  channel: Scalars['String']['input'];
  complainant: ComplainantInput;
  /** Form values by field key. */
  form?: InputMaybe<Scalars['JSON']['input']>;
  /** The same key returns the same complaint, never a second one (retries). */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Order / reference number the complaint is about. */
  reference?: InputMaybe<Scalars['String']['input']>;
  requestedRemedy?: InputMaybe<Scalars['String']['input']>;
  text: Scalars['String']['input'];
  title?: InputMaybe<Scalars['String']['input']>;
  /** Complaint type key from the published policy. */
  type: Scalars['String']['input'];
};

/** An on-time target for one deadline type. */
export type TargetRate = {
  __typename?: 'TargetRate';
  /** Share 0–1, e.g. 0.95. */
  rate: Scalars['Float']['output'];
  /** SLA target key: dispatch, first_response, resolution, follow_up, regulatory_answer … */
  target: Scalars['String']['output'];
};

export type TargetRateInput = {
  /** Share 0–1, e.g. 0.95. */
  rate: Scalars['Float']['input'];
  /** SLA target key: dispatch, first_response, resolution, follow_up, regulatory_answer … */
  target: Scalars['String']['input'];
};

export type TaskInput = {
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  complaintId: Scalars['ID']['input'];
  department: Scalars['String']['input'];
  title: Scalars['String']['input'];
};

export type Team = {
  __typename?: 'Team';
  departmentKey: Scalars['String']['output'];
  key: Scalars['String']['output'];
  /** E-mails of the handlers in this team. */
  members: Array<Scalars['String']['output']>;
  name: LocalizedText;
};

export type TeamInput = {
  departmentKey: Scalars['String']['input'];
  key: Scalars['String']['input'];
  /** E-mails of the handlers in this team. */
  members: Array<Scalars['String']['input']>;
  name: LocalizedTextInput;
};

/** script = 话术, letter = 答复函, notice = 通知 */
export type TemplateKind =
  | 'letter'
  | 'notice'
  | 'script';

/** An organisation using Redress. Every business row belongs to exactly one tenant. */
export type Tenant = {
  __typename?: 'Tenant';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  locale: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** Complaint number pattern; tokens {YY} {MM} {YYYY} {SEQ:n}. */
  numberPattern: Scalars['String']['output'];
  slug: Scalars['String']['output'];
  timeZone: Scalars['String']['output'];
};

/** A tenant the person is a member of, with their role there. */
export type TenantChoice = {
  __typename?: 'TenantChoice';
  /** The tenant of the current session. */
  current: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  role: Role;
  slug: Scalars['String']['output'];
  tenantId: Scalars['ID']['output'];
};

export type TenantSettingsInput = {
  /** zh-CN or en. */
  locale?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** Complaint number pattern; tokens {YY} {MM} {YYYY} {SEQ:n}. */
  numberPattern?: InputMaybe<Scalars['String']['input']>;
  /** IANA time zone, e.g. Asia/Shanghai. */
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

export type TenantSetupPayload = {
  __typename?: 'TenantSetupPayload';
  adminUserId: Scalars['ID']['output'];
  expiresAt: Scalars['DateTime']['output'];
  /** One-time link for the first admin to set a password. Shown once. */
  setupLink: Scalars['String']['output'];
  tenant: Tenant;
};

export type TimeRange = {
  __typename?: 'TimeRange';
  end: Scalars['String']['output'];
  start: Scalars['String']['output'];
};

export type TimeRangeInput = {
  end: Scalars['String']['input'];
  start: Scalars['String']['input'];
};

/** One entry of the append-only timeline. */
export type TimelineEvent = {
  __typename?: 'TimelineEvent';
  actorId?: Maybe<Scalars['String']['output']>;
  actorRole?: Maybe<Scalars['String']['output']>;
  at: Scalars['DateTime']['output'];
  data: Scalars['JSON']['output'];
  id: Scalars['ID']['output'];
  seq: Scalars['Int']['output'];
  type: Scalars['String']['output'];
};

/** A complaint without a confirmed cause whose predicted cause is least sure: label it first. */
export type UncertainPrediction = {
  __typename?: 'UncertainPrediction';
  /** The likeliest cause. */
  cause: Scalars['String']['output'];
  complaintId: Scalars['ID']['output'];
  confidence: Scalars['Float']['output'];
  /** confidence − runnerUpConfidence (ascending order). */
  margin: Scalars['Float']['output'];
  modelVersion: Scalars['Int']['output'];
  number: Scalars['String']['output'];
  receivedAt: Scalars['DateTime']['output'];
  /** The second likeliest cause. */
  runnerUp?: Maybe<Scalars['String']['output']>;
  runnerUpConfidence: Scalars['Float']['output'];
  state: Scalars['String']['output'];
  title?: Maybe<Scalars['String']['output']>;
};

export type UpdateUserInput = {
  departmentId?: InputMaybe<Scalars['String']['input']>;
  displayName?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<Role>;
  teams?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A person’s membership of one tenant: who signs in to Redress there, with which role. */
export type User = {
  __typename?: 'User';
  active: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTime']['output'];
  departmentId?: Maybe<Scalars['String']['output']>;
  displayName: Scalars['String']['output'];
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Invited but has not set a password yet. */
  invitationPending: Scalars['Boolean']['output'];
  lastLoginAt?: Maybe<Scalars['DateTime']['output']>;
  role: Role;
  /** Team keys of the tenant policy. */
  teams: Array<Scalars['String']['output']>;
  tenant: Tenant;
  /** Signs in with a TOTP code (or a recovery code) after the password. */
  totpEnabled: Scalars['Boolean']['output'];
};

export type UserFilterInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  role?: InputMaybe<Role>;
  /** Part of the e-mail or name. */
  search?: InputMaybe<Scalars['String']['input']>;
  team?: InputMaybe<Scalars['String']['input']>;
};

export type WebhookSubscription = {
  __typename?: 'WebhookSubscription';
  active: Scalars['Boolean']['output'];
  consecutiveFailures: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  disabledAt?: Maybe<Scalars['DateTime']['output']>;
  disabledReason?: Maybe<Scalars['String']['output']>;
  events: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  url: Scalars['String']['output'];
};

export type WebhookSubscriptionInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  events: Array<Scalars['String']['input']>;
  url: Scalars['String']['input'];
};

export type WebhookSubscriptionUpdate = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  events?: InputMaybe<Array<Scalars['String']['input']>>;
  url?: InputMaybe<Scalars['String']['input']>;
};

export type WeeklyKpiView = {
  __typename?: 'WeeklyKpiView';
  current?: Maybe<Scalars['Float']['output']>;
  delta?: Maybe<Scalars['Float']['output']>;
  key: Scalars['String']['output'];
  met?: Maybe<Scalars['Boolean']['output']>;
  name: Scalars['String']['output'];
  previous?: Maybe<Scalars['Float']['output']>;
  target: Scalars['Float']['output'];
};

/** 投诉统计表 of one week (Monday start, tenant time) against the week before. */
export type WeeklyReportView = {
  __typename?: 'WeeklyReportView';
  /** The whole table: current/previous figures, byDimension (type, cause, department, channel, severity) with deltas, KPIs, on-time per target. */
  content: Scalars['JSON']['output'];
  generatedAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  kpis: Array<WeeklyKpiView>;
  previousReceived: Scalars['Int']['output'];
  received: Scalars['Int']['output'];
  receivedDelta: Scalars['Int']['output'];
  timeZone: Scalars['String']['output'];
  weekEnd: Scalars['String']['output'];
  /** Local Monday YYYY-MM-DD. */
  weekStart: Scalars['String']['output'];
};

/** A life cycle: states, transitions with guards, actions on transition. */
export type Workflow = {
  __typename?: 'Workflow';
  key: Scalars['String']['output'];
  name: LocalizedText;
  source?: Maybe<Scalars['String']['output']>;
  states: Array<WorkflowState>;
  transitions: Array<WorkflowTransition>;
};

/** What happens when a transition is taken. */
export type WorkflowAction = {
  __typename?: 'WorkflowAction';
  /** create_task: the department. */
  department?: Maybe<Scalars['String']['output']>;
  /** raise_severity: the level (one up when absent). */
  severity?: Maybe<Scalars['String']['output']>;
  /** notify: the template sent. */
  template?: Maybe<Scalars['String']['output']>;
  /** create_task: the title; restart_clocks: the reason. */
  title?: Maybe<Scalars['String']['output']>;
  /** notify: customer | assignee | manager | department | a role | an e-mail address. */
  to?: Maybe<Scalars['String']['output']>;
  /** notify | create_task | raise_severity | assign_manager | restart_clocks | stop_clocks */
  type: Scalars['String']['output'];
};

export type WorkflowActionInput = {
  /** create_task: the department. */
  department?: InputMaybe<Scalars['String']['input']>;
  /** raise_severity: the level (one up when absent). */
  severity?: InputMaybe<Scalars['String']['input']>;
  /** notify: the template sent. */
  template?: InputMaybe<Scalars['String']['input']>;
  /** create_task: the title; restart_clocks: the reason. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** notify: customer | assignee | manager | department | a role | an e-mail address. */
  to?: InputMaybe<Scalars['String']['input']>;
  /** notify | create_task | raise_severity | assign_manager | restart_clocks | stop_clocks */
  type: Scalars['String']['input'];
};

export type WorkflowInput = {
  key: Scalars['String']['input'];
  name: LocalizedTextInput;
  source?: InputMaybe<Scalars['String']['input']>;
  states: Array<WorkflowStateInput>;
  transitions: Array<WorkflowTransitionInput>;
};

/** Where the designer draws a state. */
export type WorkflowPosition = {
  __typename?: 'WorkflowPosition';
  x: Scalars['Float']['output'];
  y: Scalars['Float']['output'];
};

export type WorkflowPositionInput = {
  x: Scalars['Float']['input'];
  y: Scalars['Float']['input'];
};

export type WorkflowState = {
  __typename?: 'WorkflowState';
  /** open | waiting | closed: waiting pauses the clocks; closed only for closed and invalid_closed. */
  category: Scalars['String']['output'];
  key: Scalars['String']['output'];
  name: LocalizedText;
  position?: Maybe<WorkflowPosition>;
};

export type WorkflowStateInput = {
  /** open | waiting | closed: waiting pauses the clocks; closed only for closed and invalid_closed. */
  category: Scalars['String']['input'];
  key: Scalars['String']['input'];
  name: LocalizedTextInput;
  position?: InputMaybe<WorkflowPositionInput>;
};

export type WorkflowTransition = {
  __typename?: 'WorkflowTransition';
  actions?: Maybe<Array<WorkflowAction>>;
  from: Array<Scalars['String']['output']>;
  key: Scalars['String']['output'];
  name: LocalizedText;
  /** Form fields that must have a value. */
  requiredFields?: Maybe<Array<Scalars['String']['output']>>;
  requiresComment?: Maybe<Scalars['Boolean']['output']>;
  /** Open tasks must be finished first. */
  requiresTasksDone?: Maybe<Scalars['Boolean']['output']>;
  /** Roles that may take it (any staff role when absent). */
  roles?: Maybe<Array<Scalars['String']['output']>>;
  to: Scalars['String']['output'];
  /** manual | assigned | reply.proposed | reply.sent | approval.rejected | follow_up.satisfied | follow_up.unsatisfied | customer.withdrew (default manual). */
  trigger?: Maybe<Scalars['String']['output']>;
  /** Guard: JSON-logic over the complaint facts. */
  when?: Maybe<Scalars['JSON']['output']>;
};

export type WorkflowTransitionInput = {
  actions?: InputMaybe<Array<WorkflowActionInput>>;
  from: Array<Scalars['String']['input']>;
  key: Scalars['String']['input'];
  name: LocalizedTextInput;
  /** Form fields that must have a value. */
  requiredFields?: InputMaybe<Array<Scalars['String']['input']>>;
  requiresComment?: InputMaybe<Scalars['Boolean']['input']>;
  /** Open tasks must be finished first. */
  requiresTasksDone?: InputMaybe<Scalars['Boolean']['input']>;
  /** Roles that may take it (any staff role when absent). */
  roles?: InputMaybe<Array<Scalars['String']['input']>>;
  to: Scalars['String']['input'];
  /** manual | assigned | reply.proposed | reply.sent | approval.rejected | follow_up.satisfied | follow_up.unsatisfied | customer.withdrew (default manual). */
  trigger?: InputMaybe<Scalars['String']['input']>;
  /** Guard: JSON-logic over the complaint facts. */
  when?: InputMaybe<Scalars['JSON']['input']>;
};

export type WorkingHoursView = {
  __typename?: 'WorkingHoursView';
  end: Scalars['String']['output'];
  start: Scalars['String']['output'];
};
