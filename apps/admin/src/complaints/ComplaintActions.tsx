import { useState, type ReactNode } from 'react';
import { useNotify, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { callOperation } from '../graphql/schema';
import { GraphQLRequestError } from '../graphql/client';
import { useOperations } from '../graphql/useOperations';
import { localized } from '../i18n/locale';
import { renderTemplate } from '../policy/templates/variables';
import { CausePredictionCard } from './CausePrediction';
import { useAssignableUsers, usePublishedPolicy } from './publishedPolicy';
import { useInstantFormat, usePolicyNames } from './display';
import { manualTransition, workflowFor } from '../policy/workflows/model';
import type { Complaint } from '../graphql/generated';

/** The complaint of the page: the actions render only once it is loaded (ComplaintActions returns null before). */
const useComplaint = () => useRecordContext<Complaint>() as Complaint;

/**
 * Who may use which action (the API's @Roles on the mutation behind it), and in which states it applies: a form
 * the caller may not submit, or that the complaint's state refuses, is not shown (issue 20 "role-aware pages").
 */
const ACTION_ROLES: Record<string, string[]> = {
  assign: ['admin', 'manager', 'handler'],
  reply: ['admin', 'manager', 'handler', 'agent'],
  approve: ['admin', 'manager'],
  approveClosure: ['admin', 'manager'],
  note: ['admin', 'manager', 'handler', 'agent'],
  followUp: ['admin', 'manager', 'handler', 'agent'],
  extend: ['admin', 'manager', 'handler', 'agent'],
  finding: ['admin', 'manager', 'handler', 'agent'],
};
const CLOSED = ['closed', 'invalid_closed'];
export function actionsFor(
  role: string | undefined,
  record: { state?: string; approvalStatus?: string | null; pendingClosure?: unknown },
): string[] {
  const state = record.state ?? '';
  const applies: Record<string, boolean> = {
    assign: !CLOSED.includes(state),
    reply: !CLOSED.includes(state) && state !== 'awaiting_approval',
    approve: state === 'awaiting_approval' && record.approvalStatus === 'pending',
    approveClosure: !!record.pendingClosure,
    note: true,
    followUp: state === 'responded' || state === 'follow_up',
    extend: !CLOSED.includes(state),
    finding: true,
  };
  return Object.keys(ACTION_ROLES).filter((action) => !!role && ACTION_ROLES[action].includes(role) && applies[action]);
}

/** Runs one complaint mutation: a busy button, the API's refusal under the inputs, a refresh when done. */
function useAction(onDone: () => void) {
  const notify = useNotify();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (call: () => Promise<unknown>) => {
    setRunning(true);
    setError(null);
    try {
      await call();
      notify('app.notice.done', { type: 'success' });
      onDone();
    } catch (e) {
      const problems = e instanceof GraphQLRequestError ? e.problems.map((p) => p.message).join('；') : '';
      setError([(e as Error).message, problems].filter(Boolean).join(' — '));
    } finally {
      setRunning(false);
    }
  };
  return { running, error, run };
}

function ActionForm({
  testId,
  operation,
  children,
  label,
  disabled,
  running,
  error,
  onSubmit,
}: {
  testId: string;
  operation: string;
  children: ReactNode;
  label: string;
  disabled?: boolean;
  running: boolean;
  error: string | null;
  onSubmit: () => void;
}) {
  const translate = useTranslate();
  const { has, isPending } = useOperations(operation);
  if (isPending) return <CircularProgress size={16} />;
  if (!has(operation))
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.notice.not_available_body', { operations: operation })}
      </Typography>
    );
  return (
    <Stack spacing={1} data-testid={testId}>
      {children}
      <Box>
        <Button
          variant="contained"
          size="small"
          disabled={disabled || running}
          onClick={onSubmit}
          startIcon={running ? <CircularProgress size={14} /> : undefined}
        >
          {translate(label)}
        </Button>
      </Box>
      {error && (
        <Alert severity="error" data-testid="operation-error">
          {error}
        </Alert>
      )}
    </Stack>
  );
}

/**
 * Next state: one button per state the workflow lets this caller move the complaint to now (`allowedTransitions`:
 * roles and guards already applied, so a guarded move such as 转法务 appears only when its condition holds). Each
 * opens a dialog naming the transition; a comment is required when the workflow says so (the API refuses without).
 */
function TransitionAction({ onDone }: { onDone: () => void }) {
  const record = useComplaint();
  const translate = useTranslate();
  const names = usePolicyNames();
  const policy = usePublishedPolicy().data;
  const [to, setTo] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [commentAsked, setCommentAsked] = useState(false);
  const action = useAction(() => {
    setTo(null);
    onDone();
  });
  const allowed: string[] = record?.allowedTransitions ?? [];
  if (!allowed.length)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.complaint_action.no_transitions')}
      </Typography>
    );
  // The workflow the complaint's type follows in the published policy (the built-in default when it has none).
  const workflow = workflowFor({ workflows: policy?.workflows, complaintTypes: policy?.complaintTypes ?? [] }, record.type);
  const transition = to ? manualTransition(workflow, record.state, to) : undefined;
  const needsComment = !!transition?.requiresComment || commentAsked;
  const open = (state: string) => {
    setTo(state);
    setComment('');
    setCommentAsked(false);
  };
  const submit = () =>
    action.run(async () => {
      try {
        await callOperation(
          'mutation',
          'transition',
          { id: record.id, to, comment: comment.trim() || undefined },
          { selection: '{ id state }' },
        );
      } catch (error) {
        // A workflow the console could not read (or changed since): the API says a comment is needed; ask for it.
        if (error instanceof GraphQLRequestError && error.reason === 'COMMENT_REQUIRED') setCommentAsked(true);
        throw error;
      }
    });
  return (
    <Stack spacing={1} data-testid="action-transition">
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        {allowed.map((state) => (
          <Button key={state} size="small" variant="outlined" onClick={() => open(state)} data-testid={`transition-to-${state}`}>
            {localized(manualTransition(workflow, record.state, state)?.name) ||
              translate('app.complaint_action.move_to', { state: names.state(state, record.type) })}
          </Button>
        ))}
      </Box>
      <Dialog open={!!to} onClose={() => setTo(null)} fullWidth maxWidth="xs" data-testid="transition-dialog">
        <DialogTitle>{localized(transition?.name) || translate('app.complaint_action.confirm_transition')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Typography variant="body2">
              {translate('app.complaint_action.transition_from_to', {
                from: names.state(record.state, record.type),
                to: names.state(to, record.type),
              })}
            </Typography>
            <TextField
              size="small"
              multiline
              minRows={2}
              name="transition-comment"
              required={needsComment}
              autoFocus
              label={translate(needsComment ? 'app.complaint_action.comment_required' : 'app.complaint_action.comment')}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
            {action.error && (
              <Alert severity="error" data-testid="operation-error">
                {action.error}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setTo(null)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            disabled={action.running || (needsComment && !comment.trim())}
            onClick={submit}
            data-testid="confirm-transition"
            startIcon={action.running ? <CircularProgress size={14} /> : undefined}
          >
            {translate('app.complaint.do_transition')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}

/** Department and/or handler; a reassignment needs a reason (the API says so when it is missing). */
function AssignAction({ onDone }: { onDone: () => void }) {
  const record = useComplaint();
  const translate = useTranslate();
  // The published policy's departments and the assignable people: both readable by every role that assigns.
  const departments = usePublishedPolicy().data?.departments ?? [];
  const { data: users = [] } = useAssignableUsers();
  const [department, setDepartment] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [reason, setReason] = useState('');
  const action = useAction(onDone);
  const input = {
    complaintId: record.id,
    department: department || undefined,
    assigneeId: assigneeId || undefined,
    reason: reason || undefined,
  };
  return (
    <ActionForm
      testId="action-assign"
      operation="assignComplaint"
      label="app.complaint.do_assign"
      disabled={!department && !assigneeId}
      {...action}
      onSubmit={() => action.run(() => callOperation('mutation', 'assignComplaint', { input }, { selection: '{ id department }' }))}
    >
      <TextField
        select
        size="small"
        name="department"
        label={translate('app.complaint_action.department')}
        value={department}
        onChange={(e) => setDepartment(e.target.value)}
      >
        {departments.map((d: any) => (
          <MenuItem key={d.key} value={d.key}>
            {localized(d.name) || d.key}
          </MenuItem>
        ))}
      </TextField>
      {users.length > 0 ? (
        <TextField
          select
          size="small"
          name="assigneeId"
          label={translate('app.complaint_action.assignee')}
          value={assigneeId}
          onChange={(e) => setAssigneeId(e.target.value)}
        >
          {users.map((u) => (
            <MenuItem key={u.id} value={u.id}>
              {u.displayName ? `${u.displayName}（${u.email}）` : u.email}
            </MenuItem>
          ))}
        </TextField>
      ) : (
        <TextField
          size="small"
          name="assigneeId"
          label={translate('app.complaint_action.assignee_id')}
          value={assigneeId}
          onChange={(e) => setAssigneeId(e.target.value)}
        />
      )}
      <TextField
        size="small"
        name="reason"
        label={translate('app.complaint_action.reassign_reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
    </ActionForm>
  );
}

/** Reply from a template: pick one, the variables are filled from the complaint, edit, send. */
function ReplyAction({ onDone }: { onDone: () => void }) {
  const record = useComplaint();
  const translate = useTranslate();
  // Replies are rendered by the API from the published templates: offer those (handlers may not read the draft).
  const templates = usePublishedPolicy().data?.templates ?? [];
  const [templateKey, setTemplateKey] = useState('');
  const [rendered, setRendered] = useState('');
  const [body, setBody] = useState('');
  const [solution, setSolution] = useState('');
  const [rootCause, setRootCause] = useState('');
  const action = useAction(onDone);
  const values: Record<string, string | undefined> = {
    'complaint.number': record?.number,
    'complaint.text': record?.text,
    'complaint.reference': record?.reference ?? undefined,
    'customer.name': record?.complainant?.name ?? undefined,
    'complaint.receivedAt': record?.receivedAt,
  };
  const choose = (key: string) => {
    setTemplateKey(key);
    const template: any = templates.find((t: any) => t.key === key);
    const text = renderTemplate(template?.body ?? '', (name) => values[name]);
    setRendered(text);
    setBody(text);
  };
  // The API renders a named template itself and ignores the body; an edited text is sent as the body instead.
  const input = {
    complaintId: record.id,
    templateKey: templateKey && body === rendered ? templateKey : undefined,
    body: templateKey && body === rendered ? undefined : body,
    solution: solution || undefined,
    rootCause: rootCause || undefined,
  };
  return (
    <ActionForm
      testId="action-reply"
      operation="replyToComplaint"
      label="app.complaint.send_reply"
      disabled={!body}
      {...action}
      onSubmit={() => action.run(() => callOperation('mutation', 'replyToComplaint', { input }, { selection: '{ id state }' }))}
    >
      <TextField
        select
        size="small"
        label={translate('app.complaint.template')}
        value={templateKey}
        onChange={(e) => choose(e.target.value)}
      >
        {templates.map((t: any) => (
          <MenuItem key={t.key} value={t.key}>
            {localized(t.name)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        multiline
        minRows={4}
        size="small"
        name="body"
        label={translate('app.complaint.reply_body')}
        value={body}
        onChange={(e) => setBody(e.target.value)}
      />
      <TextField
        size="small"
        name="solution"
        label={translate('app.complaint_action.solution')}
        value={solution}
        onChange={(e) => setSolution(e.target.value)}
      />
      <TextField
        size="small"
        name="rootCause"
        label={translate('app.complaint_action.root_cause')}
        value={rootCause}
        onChange={(e) => setRootCause(e.target.value)}
      />
    </ActionForm>
  );
}

const FOLLOW_UP_METHODS = ['phone', 'sms', 'email', 'visit', 'app'] as const;

/** 回访: satisfied or not, a 1–5 score, how the customer was reached. */
function FollowUpAction({ onDone }: { onDone: () => void }) {
  const record = useComplaint();
  const translate = useTranslate();
  const [satisfied, setSatisfied] = useState('');
  const [score, setScore] = useState('');
  const [method, setMethod] = useState('phone');
  const [comment, setComment] = useState('');
  const action = useAction(onDone);
  const input = { complaintId: record.id, satisfied: satisfied === 'yes', score: Number(score), method, comment: comment || undefined };
  return (
    <ActionForm
      testId="action-follow-up"
      operation="recordFollowUp"
      label="app.complaint.do_follow_up"
      disabled={!satisfied || !score}
      {...action}
      onSubmit={() => action.run(() => callOperation('mutation', 'recordFollowUp', { input }, { selection: '{ id state }' }))}
    >
      <Box sx={{ display: 'flex', gap: 1 }}>
        <TextField
          select
          fullWidth
          size="small"
          required
          name="satisfied"
          label={translate('app.complaint_action.satisfied')}
          value={satisfied}
          onChange={(e) => setSatisfied(e.target.value)}
        >
          <MenuItem value="yes">{translate('app.complaint_action.satisfied_yes')}</MenuItem>
          <MenuItem value="no">{translate('app.complaint_action.satisfied_no')}</MenuItem>
        </TextField>
        <TextField
          select
          fullWidth
          size="small"
          required
          name="score"
          label={translate('app.complaint_action.score')}
          value={score}
          onChange={(e) => setScore(e.target.value)}
        >
          {[5, 4, 3, 2, 1].map((n) => (
            <MenuItem key={n} value={String(n)}>
              {'★'.repeat(n)}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <TextField
        select
        size="small"
        name="method"
        label={translate('app.complaint_action.method')}
        value={method}
        onChange={(e) => setMethod(e.target.value)}
      >
        {FOLLOW_UP_METHODS.map((m) => (
          <MenuItem key={m} value={m}>
            {translate(`app.follow_up_method.${m}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        size="small"
        name="comment"
        label={translate('app.complaint_action.comment')}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
    </ActionForm>
  );
}

/** Extension of one of the complaint's own SLA clocks, with the reason the customer will be told. */
function ExtendAction({ onDone }: { onDone: () => void }) {
  const record = useComplaint();
  const translate = useTranslate();
  const clocks = useQuery({
    queryKey: ['slaClockTargets', record?.id],
    enabled: !!record?.id,
    queryFn: () => callOperation<any[]>('query', 'slaClocks', { complaintId: record.id }, { selection: '{ target dueAt stoppedAt }' }),
  });
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const action = useAction(onDone);
  const policy = usePublishedPolicy().data as any;
  const when = useInstantFormat();
  // Only deadlines the complaint's SLA plan lets be extended (targets with extension steps), with those steps.
  const targetOf = (c: any) =>
    (policy?.slaPolicies ?? []).find((p: any) => p.key === record.slaPolicy)?.targets?.find((t: any) => t.key === c.target);
  const running = (clocks.data ?? []).filter((c) => !c.stoppedAt && (targetOf(c)?.extensions ?? []).length > 0);
  const steps = (c: any) =>
    (targetOf(c)?.extensions ?? []).map((e: any) => `${e.amount}${translate(`app.duration_kind.${e.kind}`, { _: e.kind })}`).join(' / ');
  if (clocks.isSuccess && policy && !running.length)
    return (
      <Typography variant="body2" color="text.secondary" data-testid="no-extendable">
        {translate('app.complaint.no_extendable')}
      </Typography>
    );
  return (
    <ActionForm
      testId="action-extend"
      operation="extendDeadline"
      label="app.complaint.do_extend"
      disabled={!target || !reason.trim()}
      {...action}
      onSubmit={() =>
        action.run(() =>
          callOperation('mutation', 'extendDeadline', { complaintId: record.id, target, reason }, { selection: '{ status }' }),
        )
      }
    >
      <TextField
        select
        size="small"
        required
        name="target"
        label={translate('app.complaint_action.sla_target')}
        value={target}
        onChange={(e) => setTarget(e.target.value)}
        helperText={clocks.isSuccess && !running.length ? translate('app.complaint_action.no_running_clocks') : undefined}
      >
        {running.map((c) => (
          <MenuItem key={c.target} value={c.target}>
            {localized(targetOf(c)?.name) || translate(`app.sla_target.${c.target}`, { _: c.target })}
            {c.dueAt ? `（${when(c.dueAt)}，${translate('app.complaint.extension_steps', { steps: steps(c) })}）` : ''}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        size="small"
        required
        multiline
        name="reason"
        label={translate('app.complaint_action.extend_reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
    </ActionForm>
  );
}

/**
 * 调查结论: a coded finding of the published policy (validity criterion, root cause, responsibility, confirmed cause).
 * The API re-decides validity and severity with it and explains the re-decision on the timeline; it refuses a code
 * the complaint's version lacks or the caller's role may not record.
 */
function FindingAction({ onDone }: { onDone: () => void }) {
  const record = useComplaint();
  const translate = useTranslate();
  const codes = useQuery({
    queryKey: ['findingCodes'],
    queryFn: async () =>
      (
        await callOperation<any>(
          'query',
          'currentPolicyVersion',
          {},
          { selection: '{ document { findingCodes { key kind name { zh en } roles } } }' },
        )
      )?.document?.findingCodes ?? [],
  });
  const { permissions: role } = usePermissions<string>();
  // A code names the roles that may record it (none: handler, manager, admin); others are refused by the API.
  const mayRecord = (f: any) => (f.roles?.length ? f.roles : ['handler', 'manager', 'admin']).includes(role);
  const [code, setCode] = useState('');
  const [note, setNote] = useState('');
  const action = useAction(onDone);
  if (codes.isSuccess && !codes.data.length)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.complaint_action.no_finding_codes')}
      </Typography>
    );
  return (
    <ActionForm
      testId="action-finding"
      operation="recordFinding"
      label="app.complaint.do_record_finding"
      disabled={!code}
      {...action}
      onSubmit={() =>
        action.run(() =>
          callOperation(
            'mutation',
            'recordFinding',
            { input: { complaintId: record.id, code, note: note || undefined } },
            { selection: '{ id valid }' },
          ),
        )
      }
    >
      <TextField
        select
        size="small"
        required
        name="code"
        label={translate('app.complaint_action.finding_code')}
        value={code}
        onChange={(e) => setCode(e.target.value)}
      >
        {(codes.data ?? []).filter(mayRecord).map((f: any) => (
          <MenuItem key={f.key} value={f.key}>
            {localized(f.name)}（{translate(`app.finding_kind.${f.kind}`, { _: f.kind })}）
          </MenuItem>
        ))}
      </TextField>
      <TextField
        size="small"
        multiline
        name="note"
        label={translate('app.complaint_action.finding_note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
    </ActionForm>
  );
}

/**
 * A manager signs or sends back what waits for approval: the reply a handler proposed (its chain's step, or the one
 * manager a severity needs), or a closure held by the closure approval chain (sending it back needs a reason).
 */
function SignAction({ onDone, kind }: { onDone: () => void; kind: 'reply' | 'closure' }) {
  const record = useComplaint();
  const translate = useTranslate();
  const [comment, setComment] = useState('');
  const action = useAction(onDone);
  const [approveOp, rejectOp] =
    kind === 'reply' ? ['approveComplaintReply', 'rejectComplaintReply'] : ['approveComplaintClosure', 'rejectComplaintClosure'];
  const decide = (approve: boolean) =>
    action.run(() =>
      callOperation(
        'mutation',
        approve ? approveOp : rejectOp,
        { id: record.id, comment: comment || undefined },
        { selection: '{ id state }' },
      ),
    );
  const reply = record.pendingReply as { body?: string } | null;
  const closure = record.pendingClosure as {
    comment?: string | null;
    approval?: { chain: string; step: number; signatures: unknown[] };
  } | null;
  const info =
    kind === 'reply'
      ? reply?.body
      : closure?.approval &&
        translate('app.complaint.closure_progress', {
          chain: closure.approval.chain,
          step: closure.approval.step + 1,
          count: closure.approval.signatures.length,
          reason: closure.comment ?? '',
        });
  return (
    <ActionForm
      testId={kind === 'reply' ? 'action-approve' : 'action-approve-closure'}
      operation={approveOp}
      label={kind === 'reply' ? 'app.complaint.do_approve' : 'app.complaint.do_sign'}
      {...action}
      onSubmit={() => decide(true)}
    >
      {info && (
        <Alert severity="info" icon={false} sx={{ whiteSpace: 'pre-wrap' }}>
          {info}
        </Alert>
      )}
      <TextField
        size="small"
        name={kind === 'reply' ? 'approvalComment' : 'closureComment'}
        label={translate('app.complaint.approval_comment')}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <Box>
        <Button
          size="small"
          color="warning"
          disabled={action.running || (kind === 'closure' && !comment.trim())}
          onClick={() => decide(false)}
          data-testid={kind === 'reply' ? 'reject-reply' : 'reject-closure'}
        >
          {translate('app.complaint.do_reject')}
        </Button>
      </Box>
    </ActionForm>
  );
}

/** An internal note: on the timeline for staff, never sent to the customer. */
function NoteAction({ onDone }: { onDone: () => void }) {
  const record = useComplaint();
  const translate = useTranslate();
  const [text, setText] = useState('');
  const action = useAction(() => {
    setText('');
    onDone();
  });
  return (
    <ActionForm
      testId="action-note"
      operation="addComment"
      label="app.complaint.do_note"
      disabled={!text.trim()}
      {...action}
      onSubmit={() =>
        action.run(() => callOperation('mutation', 'addComment', { id: record.id, text, internal: true }, { selection: '{ id }' }))
      }
    >
      <TextField
        size="small"
        multiline
        minRows={2}
        name="note"
        label={translate('app.complaint.note_text')}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
    </ActionForm>
  );
}

/** What the caller can do with the complaint: only the actions their role may use in its current state. */
export function ComplaintActions({ onDone }: { onDone: () => void }) {
  const record = useRecordContext<Complaint>();
  const translate = useTranslate();
  const { permissions: role } = usePermissions<string>();
  if (!record) return null;
  const allowed = new Set(actionsFor(role, record));
  const section = (title: string, body: ReactNode, action?: string) =>
    action && !allowed.has(action) ? null : (
      <Box>
        <Typography variant="subtitle2" sx={{ mb: 1 }}>
          {translate(title)}
        </Typography>
        {body}
      </Box>
    );
  return (
    <Stack spacing={2} sx={{ width: 380, minWidth: 380, flexShrink: 0, ml: 2 }}>
      <CausePredictionCard onDone={onDone} />
      <Card data-testid="complaint-actions">
        <CardHeader title={translate('app.complaint.actions')} titleTypographyProps={{ variant: 'subtitle1' }} />
        <CardContent>
          <Stack spacing={3}>
            {(record.closedAt || record.state === 'closed') && <Alert severity="info">{translate('app.complaint.closed')}</Alert>}
            {section('app.complaint.transition', <TransitionAction onDone={onDone} />)}
            {section('app.complaint.approve', <SignAction onDone={onDone} kind="reply" />, 'approve')}
            {section('app.complaint.approve_closure', <SignAction onDone={onDone} kind="closure" />, 'approveClosure')}
            {section('app.complaint.assign', <AssignAction onDone={onDone} />, 'assign')}
            {section('app.complaint.reply', <ReplyAction onDone={onDone} />, 'reply')}
            {section('app.complaint.follow_up', <FollowUpAction onDone={onDone} />, 'followUp')}
            {section('app.complaint.note', <NoteAction onDone={onDone} />, 'note')}
            {section('app.complaint.extend', <ExtendAction onDone={onDone} />, 'extend')}
            {section('app.complaint.record_finding', <FindingAction onDone={onDone} />, 'finding')}
          </Stack>
        </CardContent>
      </Card>
    </Stack>
  );
}
