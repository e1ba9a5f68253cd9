import type { Messages } from './zh-CN';

/** The console's interface in English; same keys as zh-CN.ts. */
export const en: Messages = {
  app: {
    login: {
      title: 'Redress complaints', subtitle: 'Sign in with your work e-mail', email: 'E-mail', password: 'Password', submit: 'Sign in',
      demo_hint: 'Demo accounts: admin@demo.local, agent@demo.local … password demo1234',
    },
    menu: {
      dashboard: 'Dashboard', work_queue: 'Work queue', intake: 'Register a complaint', policy_studio: 'Policy studio', rules_section: 'Rules & publishing',
      rule_builder: 'Rule builder', publishing: 'Test & publish', system_section: 'System',
    },
    notice: {
      not_available_title: 'Not available yet',
      not_available_body: 'This server does not offer the operations this screen needs (%{operations}). The screen turns on by itself once they are deployed.',
      operation_missing: 'This server does not offer this feature yet',
      done: 'Done',
    },
    common: {
      key: 'Key', key_help: 'Lower case letter first, then letters, digits, _ . -; cannot change once created (rules and complaints refer to it)',
      active: 'Active', source: 'Source', none: '(none)', text_zh: '%{label} (Chinese)', text_en: '%{label} (English)',
    },
    validation: { key_format: 'Use lower case letters, digits and _ . -, starting with a letter' },
    kind: { complaint: 'Complaint', suggestion: 'Suggestion', consultation: 'Consultation' },
    field_type: {
      text: 'Text', long_text: 'Long text', number: 'Number', money: 'Amount', date: 'Date', datetime: 'Date and time', select: 'Single choice',
      multi_select: 'Multiple choice', boolean: 'Yes/No', phone: 'Phone', email: 'E-mail', id_number: 'ID number', reference: 'Reference number', attachment: 'Attachment',
    },
    duration_kind: {
      working_days: 'Working days', working_hours: 'Working hours', working_minutes: 'Working minutes', natural_days: 'Days', natural_hours: 'Hours', natural_minutes: 'Minutes',
    },
    duration: {
      working_days: '%{smart_count} working day |||| %{smart_count} working days', working_hours: '%{smart_count} working hour |||| %{smart_count} working hours',
      working_minutes: '%{smart_count} working minutes', natural_days: '%{smart_count} day |||| %{smart_count} days',
      natural_hours: '%{smart_count} hour |||| %{smart_count} hours', natural_minutes: '%{smart_count} minutes',
    },
    sla_target: {
      acknowledge: 'Acknowledge', dispatch: 'Dispatch', first_response: 'First response', progress_update: 'Progress update', resolution: 'Resolution',
      follow_up: 'Follow-up call', regulatory_answer: 'Regulator answer',
    },
    template_kind: { script: 'Script', letter: 'Reply letter', notice: 'Notice' },
    trigger: { warning: 'About to breach', breach: 'Breached', unsatisfied: 'Customer unsatisfied', aggregate: 'Cluster of similar complaints', cross_department: 'Cross-department' },
    action: { raise_severity: 'Raise severity', reassign: 'Reassign', notify: 'Notify' },
    notify: { manager: 'Department manager', assignee: 'Assignee', department: 'Department', customer: 'Customer' },
    strategy: { manual: 'Manual dispatch', round_robin: 'Round robin', least_loaded: 'Least loaded person' },
    hit_policy: { first: 'First match (in order)', collect: 'Collect all matches', priority: 'Highest priority' },
    roles: {
      admin: 'Administrator', manager: 'Manager', handler: 'Handler', agent: 'Agent', analyst: 'Analyst', expert: 'Business expert', auditor: 'Auditor',
      api_client: 'API client',
    },
    complaintTypes: {
      root: '(top level)', fields_help: 'Fields of this type’s form, in order; a sub-type first inherits its parent’s fields', preview: 'Intake form preview',
    },
    fields: {
      personal_help: 'Personal data is encrypted and masked by role', option_value: 'Value', option_label_zh: 'Label (Chinese)',
      option_label_en: 'Label (English)', conditions: 'When shown and required', validation: 'Validation', min_length: 'Minimum length',
      max_length: 'Maximum length', min: 'Minimum', max: 'Maximum', pattern: 'Format (regular expression)', preview: 'Field preview',
      preview_help: 'Try values: conditional fields appear and disappear', preview_empty: 'No fields yet',
    },
    channels: { realtime_help: 'Complaints from real-time channels need an immediate acknowledgement' },
    severityLevels: { rank_help: 'Higher is more severe' },
    slaPolicies: { target: 'Deadline', amount: 'Amount', unit: 'Unit', warn_at: 'Warn at (%)', recurring: 'Recurring (e.g. every 30 minutes)' },
    escalations: {
      any_target: '(any deadline)', action_type: 'Action', to_severity: 'Raise to', to_department: 'Reassign to department', notify_to: 'Notify', template: 'Template',
    },
    templates: {
      variables: 'Insert a variable (click to insert at the cursor)', preview: 'Preview', preview_help: 'What the customer will read, with sample data',
      unknown_variables: 'Unknown variables: %{names}. Check the spelling or insert from the list above.',
    },
    template_vars: {
      tenant__name: 'Company name', customer__name: 'Customer name', customer__title: 'Salutation', complaint__number: 'Complaint number',
      complaint__typeName: 'Complaint type', complaint__receivedAt: 'Received at', complaint__text: 'Complaint text', complaint__reference: 'Reference number',
      complaint__severityName: 'Severity', department__name: 'Responsible department', handler__name: 'Handler', deadline__acknowledge: 'Acknowledgement deadline',
      deadline__dispatch: 'Dispatch deadline', deadline__first_response: 'First response deadline', deadline__resolution: 'Resolution deadline',
      deadline__follow_up: 'Follow-up deadline', deadline__regulatory_answer: 'Regulator answer deadline', reply__solution: 'Solution', reply__rootCause: 'Root cause',
      extension__reason: 'Extension reason', extension__newDeadline: 'New deadline',
    },
    template_samples: {
      tenant__name: 'Demo Bank', customer__name: 'Zhang Wei', customer__title: 'Mr', complaint__number: '2611-0001',
      complaint__typeName: 'Service attitude', complaint__receivedAt: '2026-11-02 09:30', complaint__text: 'Waited too long at the counter',
      complaint__reference: 'ORD-20261102-001', complaint__severityName: 'General', department__name: 'Retail banking', handler__name: 'Chen Gang',
      deadline__acknowledge: '2026-11-02 10:00', deadline__dispatch: '2026-11-02 10:00', deadline__first_response: '2026-11-03 17:30',
      deadline__resolution: '2026-11-05 17:30', deadline__follow_up: '2026-11-07 17:30', deadline__regulatory_answer: '2026-11-16 17:30',
      reply__solution: 'A dedicated person now manages the queue', reply__rootCause: 'Too few counters open at peak hours', extension__reason: 'CCTV footage must be checked',
      extension__newDeadline: '2026-11-12 17:30',
    },
    operators: {
      '=': 'equals', '!=': 'does not equal', '<': 'less than', '<=': 'at most', '>': 'greater than', '>=': 'at least', in: 'is one of', notIn: 'is not one of',
      contains: 'contains', between: 'between', null: 'is empty', notNull: 'is not empty',
    },
    rules: {
      tables: { validity: 'Validity', severity: 'Severity', routing: 'Routing (department)', sla: 'Deadlines (SLA)' },
      table_help: {
        validity: 'Decides whether a complaint is valid; invalid ones are closed with a reason, never deleted.',
        severity: 'Decides general / urgent / major.',
        routing: 'Decides the responsible department, team and how work is assigned.',
        sla: 'Chooses the SLA policy.',
      },
      hit_policy: 'Hit policy', save_table: 'Save table', saved: 'Rule table saved to the draft', validate: 'Validate draft', add_row: 'Add rule',
      row_number: 'Rule %{n}', row_key: 'Rule key', row_description: 'Description (optional)', priority: 'Priority', when: 'When',
      then: 'Then', default: 'Default when no rule matches', always: 'No condition: always true', visual_mode: 'Visual', raw_mode: 'JSON',
      raw_help: 'Condition in JSON-logic', invalid_json: 'Invalid JSON', back_to_visual: 'Back to visual editing',
      not_representable: 'This condition cannot be shown visually; keep editing it as JSON', and: 'and', or: 'or', add_condition: 'Add condition',
      add_group: 'Add group', fact: 'Fact', choose_fact: 'Choose a fact', operator: 'Comparison', value: 'Value',
      condition_input_help: 'Empty means always true', outcome_valid: 'Valid complaint', outcome_invalid: 'Invalid complaint', invalid_reason: 'Invalid reason code',
      invalid_reason_text: 'Invalid reason text', outcome_severity: 'Severity', outcome_sla: 'SLA policy', outcome_department: 'Department',
      outcome_team: 'Team', outcome_strategy: 'Assignment', outcome_json: 'Outcome (JSON)',
    },
    tests: {
      run: 'Run tests', summary: '%{passed} of %{total} passed', add: 'Add test case', add_fact: 'Add fact',
      expect_valid: 'Expected valid', expect_invalid_reason: 'Expected invalid reason', expect_severity: 'Expected severity', expect_department: 'Expected department',
      expect_sla: 'Expected SLA policy',
      expect_short: { valid: 'valid', invalidReason: 'reason', severity: 'severity', department: 'department', slaPolicy: 'SLA' },
    },
    publishing: {
      steps: { check: 'Validate & test', simulate: 'Simulate', publish: 'Publish' },
      check_title: '1. Validate the draft and run the tests', check_help: 'Problems show where they are; failing tests block publishing', check: 'Validate and test',
      no_problems: 'The draft is valid', problems: '%{smart_count} problem found |||| %{smart_count} problems found',
      simulate_title: '2. Simulate the draft', simulate_help: 'Decide recent complaints again with the draft and see what would change', simulate: 'Simulate draft',
      simulation_summary: 'Summary', simulation_differences: 'Complaints whose decision would change',
      last_n: 'Recent complaints', department_load: 'Valid complaints per department under the draft',
      simulation_counts: '%{total} complaints simulated, %{changed} would change (department %{department}, severity %{severity}, deadline %{sla})',
      publish_title: '3. Publish', publish_help: 'New complaints follow the new version; where review is required, another manager approves it first', publish: 'Publish',
      check_first: 'Validate and test first', confirm_publish: 'Publish the current draft?',
      approve_title: 'Approve a pending version', approve_help: 'Review a version someone else submitted (maker and checker must differ)', approve: 'Approve',
      diff_title: 'Compare versions', diff: 'Compare',
      rollback_title: 'Roll back', rollback_help: 'Publishes a new version with the content of an earlier one', rollback: 'Roll back', confirm_rollback: 'Roll back to this version?',
    },
    version_status: { pending_approval: 'Pending approval', published: 'Published', rejected: 'Rejected' },
    sla: {
      status: { on_time: 'On time', at_risk: 'At risk', breached: 'Breached', stopped: 'Done' },
      remaining: '%{days}d %{hours}h %{minutes}m', remaining_working: '%{days} working days %{hours}h %{minutes}m', overdue_by: 'over by ',
    },
    complaint: {
      tabs: { form: 'Registration', decisions: 'Why', timeline: 'Timeline', sla: 'Deadlines' },
      no_events: 'No events yet', no_decisions: 'No decisions recorded', no_clocks: 'No deadlines', why: 'Why this %{decision}',
      policy_version: 'Decided by policy version %{version}', outcome: 'Outcome', defaulted: 'No rule matched: the default applied', matched: 'Matched rules: %{rows}',
      actions: 'Actions', closed: 'This complaint is closed', transition: 'Change state', do_transition: 'Change', assign: 'Assign', do_assign: 'Assign',
      reply: 'Reply to the customer', template: 'Reply template', reply_body: 'Reply', send_reply: 'Send reply', follow_up: 'Record follow-up call', do_follow_up: 'Record',
      extend: 'Extend the deadline', do_extend: 'Extend',
    },
    intake: {
      title: 'Register a complaint', subtitle: 'Fill in while on the phone; the chosen type’s own fields appear below', type: 'Complaint type', channel: 'Channel',
      customer_name: 'Customer name', customer_phone: 'Phone', complaint_title: 'Title (optional)', text: 'What happened',
      text_help: 'Record the customer’s words: when, where, what', requested_remedy: 'What the customer asks for', type_fields: 'Details for this type', submit: 'Register',
      created: 'Registered as %{number}', created_title: 'Registered: %{number}', open: 'Open complaint', invalid_phone: 'Enter a valid phone number',
      hint: 'After registering, the number, severity, responsible department and deadlines appear here.', attachments_later: 'Attachments can be added after registering',
      personal_suffix: ' (personal data)',
      policy_unavailable: 'The published complaint policy (types, channels and fields) cannot be read, so complaints cannot be registered here yet. Ask an administrator to publish the policy and check that your role may read it.',
      draft_notice: 'No published policy is readable yet, so the form follows the draft; the published policy decides on submit.',
      valid: 'Valid complaint', invalid: 'Invalid complaint: %{reason}',
    },
    channel: {
      phone: 'Phone', email: 'E-mail', letter: 'Letter', fax: 'Fax', visit: 'Visit', comment_book: 'Comment book', web: 'Web site', app: 'Mobile app',
      social_media: 'Social media', news_media: 'News media', regulator: 'Regulator referral', leadership: 'Forwarded by leadership',
    },
    plugins: {
      enable: 'Enable for this tenant', enabled: 'Enabled', enabled_notice: 'Plugin enabled; what it adds is in the draft', confirm_enable: 'Enable the plugin “%{name}”?',
    },
    tokens: { revoke: 'Revoke', secret_title: 'Token created', secret_once: 'The secret is shown only once: copy it now and keep it safe.' },
    complaint_action: {
      no_transitions: 'No state change is possible from the current state', target_state: 'New state', comment: 'Comment (optional)', department: 'Department',
      assignee: 'Handler', assignee_id: 'Handler ID', reassign_reason: 'Reason (required when reassigning)', solution: 'Solution (optional)',
      root_cause: 'Root cause (optional)', satisfied: 'Customer satisfied?', satisfied_yes: 'Satisfied', satisfied_no: 'Not satisfied', score: 'Score',
      method: 'Contacted by', sla_target: 'Deadline to extend', no_running_clocks: 'No running deadline', extend_reason: 'Reason for the extension',
    },
    follow_up_method: { phone: 'Phone', sms: 'SMS', email: 'E-mail', visit: 'Visit', app: 'Mobile app' },
    cause: {
      title: 'Cause (predicted)', no_model: 'No cause model has been trained yet, so there is no prediction.', model_version: 'Model v%{version}',
      confirmed: 'Confirmed cause: %{cause}', predicted: 'Predicted cause', confidence: 'Confidence %{percent}%', alternatives: 'Other candidates',
      keywords: 'Words that drove the prediction', similar: 'Similar past complaints', similarity: 'similarity %{percent}%', accept: 'Accept', correct: 'Correct',
      cause_input: 'Actual cause', cause_help: 'Pick a candidate or type one; confirmed causes train the next model', save: 'Confirm', saved: 'Cause confirmed; the next training will learn from it',
    },
    exports: {
      stats_csv: 'Statistics CSV', stats_xlsx: 'Statistics Excel', complaints_csv: 'Complaints CSV', complaints_xlsx: 'Complaints Excel',
      progress: 'Exporting… %{percent}%', downloaded: 'Export ready: %{rows} rows', failed: 'The export failed',
    },
    alerts: {
      title: 'Alerts', none: 'No alerts', acknowledge: 'Acknowledge', acknowledged: 'Acknowledged', evidence: '%{observed} observed, baseline %{baseline}',
      complaint: 'complaint %{n}', kind: { spike: 'Spike', repeat_complainant: 'Repeat complainant' },
    },
    model: {
      title: 'Cause classifier', help: 'Trained on complaints with a confirmed cause; a new version is used only if it passes the quality gate (held-out accuracy not below the active one by more than the margin)', train: 'Train model', failed: 'Training failed',
      trained: 'Model v%{version} trained', refused: 'Model v%{version} failed the quality gate; the active version stays', progress: 'Training v%{version}… %{percent}%', none: 'No model trained yet', active: 'in use',
      columns: { version: 'Version', status: 'Status', samples: 'Samples', accuracy: 'Accuracy', macro_f1: 'Macro F1', gate: 'Quality gate', trained_at: 'Trained at' },
      status: { training: 'Training', ready: 'Ready', failed: 'Failed', retired: 'Retired', refused: 'Not activated' },
      gate: {
        activated: 'Activated', refused: 'Refused', first_model: 'First model', not_worse: 'Not worse than the active version', worse: 'Worse than the active version',
        not_measured: 'Accuracy could not be measured', figures: 'this %{candidate}, v%{version} %{active}, margin %{margin} + sampling noise %{noise}',
      },
      uncertain: {
        title: 'To label: least sure predictions', help: 'Complaints whose two likeliest causes are closest come first; confirming their cause teaches the next training the most',
        none: 'No complaint is waiting for a cause', between: '%{cause} %{percent} / %{other} %{other_percent}',
      },
    },
    dashboard: {
      weekly_title: 'This week’s complaints', previous_week: 'Previous week', next_week: 'Next week', statistics_table: 'Complaint statistics', trend: 'Trend',
      hot_causes: 'Hot causes', count: 'Count', share: 'Share', no_data: 'No data', target: 'Target ≥ %{target}%', met: 'met', not_met: 'not met',
      trend_help: 'Complaints received per week, last %{weeks} weeks', unspecified: '(not set)',
      kpi: { onTimeRate: 'On-time handling rate', satisfactionRate: 'Satisfaction rate', effectiveResolutionRate: 'Effective resolution rate' },
      dimension: { byType: 'By type', byCause: 'By cause', byDepartment: 'By department', byChannel: 'By channel', bySeverity: 'By severity' },
    },
    result: {
      empty: '(none)', total: 'Total', changed: 'Changed', unchanged: 'Unchanged', number: 'Complaint', field: 'Item', before: 'Before',
      after: 'After', from: 'From version', to: 'To version', added: 'Added', removed: 'Removed', version: 'Version', path: 'Where', message: 'Message',
      severity: 'Severity', department: 'Department', valid: 'Valid', slaPolicy: 'SLA policy', complaints: 'Complaints',
    },
    args: {
      note: 'Note', version: 'Version', from: 'From version', to: 'To version', comment: 'Comment', assignee: 'Assignee', assigneeEmail: 'Assignee e-mail',
      reason: 'Reason', days: 'Days', limit: 'Limit', satisfied: 'Customer satisfied (true/false)', result: 'Result', toVersion: 'Target version',
      department: 'Department', departmentKey: 'Department', newDeadline: 'New deadline', approve: 'Approve (true/false)',
    },
    enum: {
      received: 'Received', registered: 'Registered', dispatched: 'Dispatched', in_progress: 'In progress', resolved: 'Resolved', awaiting_follow_up: 'Awaiting follow-up',
      follow_up: 'Follow-up', closed: 'Closed', invalid: 'Invalid', reopened: 'Reopened', pending_approval: 'Pending approval', escalated: 'Escalated',
    },
    event: {
      submitted: 'Registered', decided: 'Decided', dispatched: 'Dispatched', assigned: 'Assigned', transitioned: 'State changed', replied: 'Replied',
      follow_up: 'Follow-up', extended: 'Extended', escalated: 'Escalated', sla_warning: 'About to breach', sla_breach: 'Breached', comment: 'Comment',
    },
    filters: {
      state: 'State', severity: 'Severity', department: 'Department', type: 'Type', channel: 'Channel', assignee: 'Assignee', slaStatus: 'SLA status',
      number: 'Number', from: 'From', to: 'To',
    },
  },
  resources: {
    complaints: {
      name: 'Complaint |||| Complaints',
      fields: {
        number: 'Number', title: 'Title', text: 'Text', type: 'Type', severity: 'Severity', state: 'State', department: 'Department', sla: 'SLA',
        receivedAt: 'Received', channel: 'Channel', requestedRemedy: 'Requested remedy', reference: 'Reference', valid: 'Validity', resolutionDueAt: 'Resolution due',
      },
    },
    complaintTypes: {
      name: 'Complaint type |||| Complaint types',
      fields: { name: 'Name', parentKey: 'Parent type', kind: 'Kind', fields: 'Form fields', defaultSeverity: 'Default severity', defaultDepartment: 'Default department' },
    },
    fields: {
      name: 'Form field |||| Form fields',
      fields: {
        label: 'Label', type: 'Type', required: 'Required', personal: 'Personal data', options: 'Options', visibleWhen: 'Shown when', requiredWhen: 'Required when',
        help: 'Help text',
      },
    },
    channels: { name: 'Channel |||| Channels', fields: { name: 'Name', realtime: 'Real-time' } },
    departments: { name: 'Department |||| Departments', fields: { name: 'Name', parentKey: 'Parent department', region: 'Region', managerEmail: 'Manager' } },
    teams: { name: 'Team |||| Teams', fields: { name: 'Name', departmentKey: 'Department', members: 'Members' } },
    severityLevels: { name: 'Severity level |||| Severity levels', fields: { name: 'Name', rank: 'Rank', requiresApproval: 'Solution needs a manager’s approval', color: 'Colour' } },
    slaPolicies: { name: 'SLA policy |||| SLA policies', fields: { name: 'Name', targets: 'Deadlines' } },
    escalations: { name: 'Escalation rule |||| Escalation rules', fields: { name: 'Name', trigger: 'Trigger', target: 'Deadline', when: 'Extra condition', actions: 'Actions' } },
    templates: {
      name: 'Reply template |||| Reply templates',
      fields: { name: 'Name', kind: 'Kind', channel: 'Channel', typeKeys: 'For types', subject: 'Subject', body: 'Body' },
    },
    tests: { name: 'Rule test |||| Rule tests', fields: { description: 'Description', facts: 'Sample complaint', expect: 'Expected outcome' } },
    policyVersions: {
      name: 'Policy version |||| Policy versions',
      fields: { version: 'Version', status: 'Status', note: 'Note', createdAt: 'Submitted', publishedAt: 'Published', rolledBackFrom: 'Rolled back from' },
    },
    plugins: { name: 'Industry plugin |||| Industry plugins', fields: { name: 'Name', id: 'Id', version: 'Version', description: 'Description' } },
    users: { name: 'Person |||| People', fields: { displayName: 'Name', email: 'E-mail', role: 'Role' } },
    apiTokens: {
      name: 'API token |||| API tokens',
      fields: { name: 'Name', role: 'Role', prefix: 'Prefix', createdAt: 'Created', revokedAt: 'Revoked' },
    },
    auditLog: { name: 'Audit entry |||| Audit log', fields: { at: 'When', action: 'Action', entity: 'Object', entityKey: 'Key', actor: 'By' } },
  },
};
