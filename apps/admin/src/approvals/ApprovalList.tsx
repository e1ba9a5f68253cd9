import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import {
  Datagrid,
  FunctionField,
  List,
  SelectInput,
  useListContext,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  useUpdate,
} from 'react-admin';
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Link,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { ErrorNotice } from '../common/ListError';
import { GraphQLRequestError } from '../graphql/client';
import { useAssignableUsers } from '../complaints/publishedPolicy';
import { useInstantFormat } from '../complaints/display';
import type { ApprovalRow, Decision } from '../dataProvider/approvals';

const KIND_COLOR = { reply: 'primary', policy: 'secondary', extension: 'warning' } as const;

/** The API's refusal in the reader's words; approving one's own proposal (SELF_APPROVAL) says who must decide instead. */
function refusalText(error: unknown, translate: ReturnType<typeof useTranslate>): string {
  const message = (error as Error)?.message ?? String(error);
  if (error instanceof GraphQLRequestError && error.reason === 'SELF_APPROVAL')
    return `${translate('app.approvals.self_approval')}（${message}）`;
  return message;
}

/** What the row is about: the complaint (a link to it) or the policy version. */
function Subject() {
  const row = useRecordContext<ApprovalRow>();
  const translate = useTranslate();
  if (!row) return null;
  if (row.kind === 'policy') {
    return (
      <Link component={RouterLink} to="/policyVersions" data-testid="approval-subject">
        {translate('app.approvals.policy_version', { version: row.version ?? '' })}
      </Link>
    );
  }
  return (
    <Link
      component={RouterLink}
      to={`/complaints/${row.complaintId}/show`}
      data-testid="approval-subject"
      onClick={(e) => e.stopPropagation()}
    >
      {[row.number, row.title].filter(Boolean).join(' · ')}
    </Link>
  );
}

/** What is proposed: the reply's text, the version's note, or the deadline, stage and reason of an extension. */
function Proposal() {
  const row = useRecordContext<ApprovalRow>();
  const translate = useTranslate();
  if (!row) return null;
  const head =
    row.kind === 'extension'
      ? translate('app.approvals.extension_of', {
          target: translate(`app.sla_target.${row.target}`, { _: row.target ?? '' }),
          stage: row.stage ?? '',
        })
      : '';
  const text = row.summary ?? '';
  return (
    <Typography variant="body2" sx={{ maxWidth: 420 }} title={text}>
      {head && <b>{head}：</b>}
      {text.length > 120 ? `${text.slice(0, 120)}…` : text || translate('app.approvals.no_note')}
    </Typography>
  );
}

/** Approve at once; reject asks for the reason first. The row leaves the inbox once the owner has decided it. */
function DecisionButtons() {
  const row = useRecordContext<ApprovalRow>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [update, { isPending }] = useUpdate();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!row) return null;
  const decide = (decision: Decision) => {
    setError(null);
    update(
      'approvals',
      { id: row.id, data: { decision, reason: decision === 'reject' ? reason : undefined }, previousData: row },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setRejecting(false);
          notify(decision === 'approve' ? 'app.approvals.approved' : 'app.approvals.rejected', { type: 'success' });
          refresh();
        },
        onError: (e) => {
          setRejecting(false);
          const text = refusalText(e, translate);
          setError(text);
          notify(text, { type: 'error', messageArgs: { _: text } });
        },
      },
    );
  };
  return (
    <Box onClick={(e) => e.stopPropagation()} data-testid={`approval-actions-${row.id}`}>
      <Stack direction="row" spacing={1} sx={{ whiteSpace: 'nowrap' }}>
        <Button
          size="small"
          variant="contained"
          color="success"
          startIcon={<CheckIcon />}
          disabled={isPending}
          onClick={() => decide('approve')}
          data-testid="approve"
        >
          {translate('app.approvals.approve')}
        </Button>
        <Button
          size="small"
          variant="outlined"
          color="warning"
          startIcon={<CloseIcon />}
          disabled={isPending}
          onClick={() => setRejecting(true)}
          data-testid="reject"
        >
          {translate('app.approvals.reject')}
        </Button>
      </Stack>
      {error && (
        <Alert severity="error" sx={{ mt: 1, maxWidth: 360 }} data-testid="approval-error">
          {error}
        </Alert>
      )}
      <Dialog open={rejecting} onClose={() => setRejecting(false)}>
        <DialogTitle>{translate('app.approvals.reject_title')}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            required
            multiline
            minRows={2}
            fullWidth
            sx={{ mt: 1, minWidth: 380 }}
            name="rejectReason"
            label={translate('app.approvals.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            helperText={translate('app.approvals.reason_help')}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setRejecting(false)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            color="warning"
            disabled={!reason.trim() || isPending}
            onClick={() => decide('reject')}
            data-testid="reject-confirm"
          >
            {translate('app.approvals.reject')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}

const ListErrorFromContext = () => <ErrorNotice error={useListContext().error} />;

/** 审批待办: complaint replies, policy versions and deadline extensions waiting for the signed-in manager or administrator. */
export function ApprovalList() {
  const translate = useTranslate();
  const when = useInstantFormat();
  const { data: users = [] } = useAssignableUsers();
  const who = (id: string | null) => {
    if (!id) return translate('app.approvals.system');
    const user = users.find((u) => u.id === id);
    return user ? user.displayName || user.email : translate('app.approvals.colleague', { id: id.slice(0, 8) });
  };
  const kinds = (['reply', 'policy', 'extension'] as const).map((kind) => ({ id: kind, name: translate(`app.approvals.kind.${kind}`) }));
  return (
    <List
      title="app.approvals.title"
      sort={{ field: 'proposedAt', order: 'DESC' }}
      perPage={50}
      exporter={false}
      filters={[<SelectInput key="kind" source="kind" label="app.approvals.what" choices={kinds} alwaysOn />]}
      error={<ListErrorFromContext />}
      queryOptions={{ onError: () => undefined }}
      empty={
        <Typography sx={{ p: 3 }} color="text.secondary" data-testid="approvals-empty">
          {translate('app.approvals.empty')}
        </Typography>
      }
    >
      <Datagrid bulkActionButtons={false} rowClick={false} data-testid="approvals-list">
        <FunctionField
          label="app.approvals.what"
          render={(r: ApprovalRow) => <Chip size="small" color={KIND_COLOR[r.kind]} label={translate(`app.approvals.kind.${r.kind}`)} />}
        />
        <FunctionField label="app.approvals.subject" render={() => <Subject />} />
        <FunctionField label="app.approvals.proposal" render={() => <Proposal />} />
        <FunctionField label="app.approvals.proposed_by" render={(r: ApprovalRow) => who(r.proposedBy)} />
        <FunctionField source="proposedAt" label="app.approvals.proposed_at" render={(r: ApprovalRow) => when(r.proposedAt)} />
        <FunctionField label="app.approvals.decision" render={() => <DecisionButtons />} />
      </Datagrid>
    </List>
  );
}
