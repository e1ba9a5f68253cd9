import { useState } from 'react';
import { Show, TabbedShowLayout, useRecordContext, useRefresh, useTranslate, useShowContext } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Box,
  Card,
  CardContent,
  CardHeader,
  Chip,
  CircularProgress,
  Grid,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import { ErrorNotice } from '../common/ListError';
import { ResultView } from '../common/ResultView';
import { localized } from '../i18n/locale';
import { clockStatus, type SlaClockLike } from './sla';
import { SlaChip, SlaClockChip } from './SlaChip';
import { callOperation, OperationUnavailableError } from '../graphql/schema';
import { NotAvailable } from '../common/OperationGate';
import { ComplaintActions } from './ComplaintActions';
import { fieldLabels, usePublishedPolicy } from './publishedPolicy';
import { isIsoInstant, TraceExplanation, useInstantFormat, usePolicyNames } from './display';
import type { Complaint, ComplaintConnection, Decision, TimelineEvent } from '../graphql/generated';

const ShowError = () => <ErrorNotice error={useShowContext().error} />;

function FormValues() {
  const record = useRecordContext<Complaint>();
  const translate = useTranslate();
  const form: Record<string, unknown> = typeof record?.form === 'string' ? JSON.parse(record.form) : (record?.form ?? {});
  // Form values are stored by field key; the labels come from the published policy (readable by every role here).
  const labels = fieldLabels(usePublishedPolicy().data);
  const names = usePolicyNames();
  const when = useInstantFormat();
  const basics = ['number', 'title', 'text', 'channel', 'requestedRemedy', 'reference', 'receivedAt', 'state'] as const;
  const fields: Partial<Record<(typeof basics)[number], unknown>> = record ?? {};
  // Keys and instants in the reader's words: the channel's name, the state, the time in the tenant's zone.
  const shown = (k: string, v: unknown): string =>
    k === 'channel' ? names.channel(v) : k === 'state' ? names.state(v, record?.type) : isIsoInstant(v) ? when(v) : String(v);
  const options = Object.fromEntries(
    ((usePublishedPolicy().data as any)?.fields ?? []).flatMap((f: any) =>
      (f.options ?? []).map((o: any) => [`${f.key}:${o.value}`, o.label]),
    ),
  );
  const formValue = (k: string, v: unknown): string =>
    Array.isArray(v)
      ? v.map((x) => formValue(k, x)).join('、')
      : localized(options[`${k}:${v}`]) || (isIsoInstant(v) ? when(v) : String(v));
  return (
    <Table size="small" data-testid="complaint-form-values">
      <TableBody>
        {basics
          .filter((k) => fields[k] !== undefined && fields[k] !== null && typeof fields[k] !== 'object')
          .map((k) => (
            <TableRow key={k}>
              <TableCell sx={{ width: 200, fontWeight: 500 }}>{translate(`resources.complaints.fields.${k}`)}</TableCell>
              <TableCell>{shown(k, fields[k])}</TableCell>
            </TableRow>
          ))}
        {Object.entries(form).map(([k, v]) => (
          <TableRow key={k}>
            <TableCell sx={{ fontWeight: 500 }}>{localized(labels[k]) || k}</TableCell>
            <TableCell>{formValue(k, v)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Timeline() {
  const record = useRecordContext<Complaint>();
  const translate = useTranslate();
  const events: TimelineEvent[] = record?.timeline ?? [];
  const when = useInstantFormat();
  const summary = useEventSummary();
  if (!events.length) return <Typography color="text.secondary">{translate('app.complaint.no_events')}</Typography>;
  return (
    <Stack spacing={1} data-testid="timeline">
      {events.map((event, i) => (
        <Box key={event.id ?? i} sx={{ borderLeft: '3px solid', borderColor: 'primary.light', pl: 2, py: 0.5 }}>
          <Typography variant="caption" color="text.secondary">
            {when(event.at)} {event.actorRole ? translate(`app.roles.${event.actorRole}`, { _: event.actorRole }) : ''}
          </Typography>
          <Typography variant="body2">
            <b>{translate(`app.event.${event.type}`, { _: event.type })}</b> {summary(event)}
          </Typography>
          {Object.keys((event.data as Record<string, unknown> | null) ?? {}).length > 0 && (
            <details>
              <summary>
                <Typography variant="caption" color="text.secondary" component="span">
                  {translate('app.complaint.event_details')}
                </Typography>
              </summary>
              <ResultView value={event.data} depth={2} />
            </details>
          )}
        </Box>
      ))}
    </Stack>
  );
}

/** One line of what a timeline event did, in the reader's words (states, departments and channels by name). */
function useEventSummary(): (event: any) => string {
  const translate = useTranslate();
  const names = usePolicyNames();
  const record = useRecordContext<Complaint>();
  const state = (v: unknown) => names.state(v, record?.type);
  return (event) => {
    const d = event.data ?? {};
    const text = typeof d.text === 'string' ? d.text : typeof d.comment === 'string' ? d.comment : '';
    switch (event.type) {
      case 'transitioned':
        return `${state(d.from)} → ${state(d.to)}${d.comment ? `：${d.comment}` : ''}`;
      case 'received':
        return [names.channel(d.channel), names.type(d.type)].filter(Boolean).join(' · ');
      case 'assigned':
        return [names.department(d.after?.department), d.reason].filter(Boolean).join('：');
      case 'replied':
        return names.channel(d.channel);
      case 'followed_up':
        return `${translate(d.satisfied ? 'app.why.satisfied' : 'app.why.unsatisfied')}（${d.score}）${d.comment ? `：${d.comment}` : ''}`;
      case 'redispatched':
        return names.department(d.department);
      default:
        return text;
    }
  };
}

/** A decision's outcome in words: the department (and team) routed to, the severity, the SLA plan, valid or why not. */
function OutcomeText({ decision, record }: { decision: any; record: any }) {
  const translate = useTranslate();
  const names = usePolicyNames();
  const outcome = decision.outcome;
  switch (decision.kind) {
    case 'validity':
      return (
        <>
          {outcome?.valid === false
            ? translate('app.intake.invalid', {
                reason: translate(`app.invalid_reason.${outcome?.reason ?? record.invalidReason}`, {
                  _: outcome?.reason ?? record.invalidReason ?? '',
                }),
              })
            : translate('app.intake.valid')}
        </>
      );
    case 'severity':
      return <>{names.severity(outcome)}</>;
    case 'routing':
      return (
        <>
          {[names.department(outcome?.department), names.team(outcome?.team)].filter(Boolean).join(' / ')}
          {outcome?.strategy ? `（${translate(`app.strategy.${outcome.strategy}`, { _: outcome.strategy })}）` : ''}
        </>
      );
    case 'sla':
      return <>{names.slaPolicy(outcome)}</>;
    default:
      return <>{typeof outcome === 'object' ? JSON.stringify(outcome) : String(outcome ?? '')}</>;
  }
}

/** "Why 紧急, why this department": each decision with the rule set, the row that matched and the explanation, as recorded at the time. */
function Decisions() {
  const record = useRecordContext<Complaint>();
  const translate = useTranslate();
  const decisions: Decision[] = record?.decisions ?? [];
  if (!decisions.length) return <Typography color="text.secondary">{translate('app.complaint.no_decisions')}</Typography>;
  return (
    <Grid container spacing={2} data-testid="decisions">
      {decisions.map((d, i) => (
        <Grid key={i} size={{ xs: 12, md: 6 }}>
          <Card variant="outlined" data-testid={`decision-${d.kind}`}>
            <CardHeader
              title={translate('app.complaint.why', { decision: translate(`app.rules.tables.${d.kind}`, { _: d.kind ?? '' }) })}
              subheader={
                d.policyVersion !== undefined ? translate('app.complaint.policy_version', { version: d.policyVersion }) : undefined
              }
              titleTypographyProps={{ variant: 'subtitle1' }}
            />
            <CardContent sx={{ pt: 0 }}>
              <Typography variant="body2" sx={{ mb: 1 }}>
                {translate('app.complaint.outcome')}：
                <b data-testid="decision-outcome">
                  <OutcomeText decision={d} record={record} />
                </b>
              </Typography>
              <Typography variant="body2" sx={{ mb: 1 }} data-testid="decision-row">
                {d.rowKey ? translate('app.complaint.matched', { rows: d.rowKey }) : translate('app.complaint.defaulted')}
              </Typography>
              {d.trace ? (
                <Alert severity="info" icon={false} data-testid="decision-explanation">
                  <TraceExplanation trace={typeof d.trace === 'string' ? JSON.parse(d.trace) : d.trace} />
                </Alert>
              ) : d.explanation ? (
                // Decisions recorded before the structured trace existed keep the engine's own words.
                <Alert severity="info" icon={false} sx={{ whiteSpace: 'pre-wrap' }} data-testid="decision-explanation">
                  {d.explanation}
                </Alert>
              ) : null}
            </CardContent>
          </Card>
        </Grid>
      ))}
    </Grid>
  );
}

/** The complaint's SLA clocks (`slaClocks`), read when the tab opens. */
function Clocks() {
  const record = useRecordContext<Complaint>();
  const translate = useTranslate();
  const clocks = useQuery({
    queryKey: ['slaClocks', record?.id],
    enabled: !!record?.id,
    queryFn: () => callOperation<SlaClockLike[]>('query', 'slaClocks', { complaintId: record?.id }, { depth: 1 }),
  });
  if (clocks.error instanceof OperationUnavailableError) return <NotAvailable operations={['slaClocks']} />;
  if (clocks.isPending) return <CircularProgress size={20} />;
  if (clocks.error) return <Alert severity="error">{(clocks.error as Error).message}</Alert>;
  if (!clocks.data?.length) return <Typography color="text.secondary">{translate('app.complaint.no_clocks')}</Typography>;
  const now = new Date();
  return <ClockRows clocks={clocks.data} now={now} />;
}

function ClockRows({ clocks, now }: { clocks: SlaClockLike[]; now: Date }) {
  const translate = useTranslate();
  const names = usePolicyNames();
  const when = useInstantFormat();
  return (
    <Table size="small" data-testid="sla-clocks">
      <TableBody>
        {clocks.map((clock, i) => (
          <TableRow key={i} data-testid={`sla-clock-${clock.target}`}>
            <TableCell>{translate(`app.sla_target.${clock.target ?? clock.key}`, { _: clock.target ?? clock.key ?? '' })}</TableCell>
            <TableCell>{names.slaPolicy(clock.slaPolicy)}</TableCell>
            <TableCell data-testid="sla-due">{when(clock.dueAt)}</TableCell>
            <TableCell>
              <SlaClockChip clock={clock} status={clockStatus(clock, now)} />
            </TableCell>
            <TableCell data-testid="sla-holiday-flag">
              {clock.holidayDataMissingYears?.length ? (
                <Chip
                  size="small"
                  color="warning"
                  variant="outlined"
                  label={translate('app.complaint.holiday_data_missing', { years: clock.holidayDataMissingYears.join('、') })}
                />
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The complainant as the API returns them to the caller's role (masked for roles without personal data). */
function Complainant() {
  const record = useRecordContext<Complaint>();
  const translate = useTranslate();
  const who = record?.complainant;
  if (!who) return null;
  const parts = [who.name, who.phone, who.email].filter(Boolean);
  return (
    <Typography variant="body2" data-testid="complainant">
      {translate('app.complaint.complainant')}：{parts.length ? parts.join(' · ') : '—'}
      {who.masked ? `（${translate('app.complaint.masked')}）` : ''}
    </Typography>
  );
}

/** The replies sent to the customer, with their text. */
function Replies() {
  const record = useRecordContext<Complaint>();
  const translate = useTranslate();
  const names = usePolicyNames();
  const when = useInstantFormat();
  const replies = record?.replies ?? [];
  const pending = record?.pendingReply as
    { body?: string; approval?: { chain: string; step: number; signatures: unknown[] } } | null | undefined;
  if (!replies.length && !pending) return <Typography color="text.secondary">{translate('app.complaint.no_replies')}</Typography>;
  return (
    <Stack spacing={2} data-testid="replies">
      {pending && (
        <Alert severity="warning" icon={false} data-testid="pending-reply">
          <Typography variant="subtitle2">{translate('app.complaint.pending_reply')}</Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {pending.body}
          </Typography>
          {pending.approval && (
            <Typography variant="caption" color="text.secondary" data-testid="approval-progress">
              {translate('app.complaint.approval_progress', {
                chain: pending.approval.chain,
                step: pending.approval.step + 1,
                count: pending.approval.signatures.length,
              })}
            </Typography>
          )}
        </Alert>
      )}
      {replies.map((reply) => (
        <Card key={reply.id} variant="outlined" data-testid="reply">
          <CardContent>
            <Typography variant="caption" color="text.secondary">
              {when(reply.createdAt)} · {names.channel(reply.channel)}
            </Typography>
            {reply.subject && <Typography variant="subtitle2">{reply.subject}</Typography>}
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }} data-testid="reply-body">
              {reply.body}
            </Typography>
          </CardContent>
        </Card>
      ))}
    </Stack>
  );
}

/** The customer's other complaints (their history), newest first. */
function CustomerHistory() {
  const record = useRecordContext<Complaint>();
  const names = usePolicyNames();
  const when = useInstantFormat();
  const customerId = record?.complainant?.customerId;
  const history = useQuery({
    queryKey: ['customerHistory', customerId],
    enabled: !!customerId,
    queryFn: () =>
      callOperation<ComplaintConnection>(
        'query',
        'complaints',
        { first: 50, filter: { customerId } },
        { selection: '{ totalCount edges { node { id number title state type receivedAt } } }' },
      ),
  });
  if (history.isPending) return <CircularProgress size={20} />;
  if (history.error) return <Alert severity="error">{(history.error as Error).message}</Alert>;
  const rows = (history.data?.edges ?? []).map((e) => e.node);
  return (
    <Table size="small" data-testid="customer-history">
      <TableBody>
        {rows.map((c) => (
          <TableRow key={c.id} selected={c.id === record?.id}>
            <TableCell>
              <a href={`#/complaints/${encodeURIComponent(c.id)}/show`}>{c.number}</a>
            </TableCell>
            <TableCell>{when(c.receivedAt)}</TableCell>
            <TableCell>{names.type(c.type)}</TableCell>
            <TableCell>{c.title}</TableCell>
            <TableCell>{names.state(c.state, c.type)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Header() {
  const record = useRecordContext<Complaint>();
  const translate = useTranslate();
  const names = usePolicyNames();
  const when = useInstantFormat();
  if (!record) return null;
  return (
    <Box sx={{ px: 2, pt: 2 }} data-testid="complaint-header">
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h6" data-testid="complaint-number">
          {record.number}
        </Typography>
        {record.state && <Chip size="small" label={names.state(record.state, record.type)} data-testid="complaint-state" />}
        <Typography variant="body1" sx={{ ml: 1 }}>
          {record.title ?? String(record.text ?? '').slice(0, 40)}
        </Typography>
      </Box>
      <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', mt: 1, color: 'text.secondary' }}>
        <Typography variant="body2">
          {translate('resources.complaints.fields.type')}：{names.type(record.type)}
        </Typography>
        <Typography variant="body2">
          {translate('resources.complaints.fields.severity')}：{names.severity(record.severity)}
        </Typography>
        <Typography variant="body2" data-testid="complaint-department">
          {translate('resources.complaints.fields.department')}：{record.department ? names.department(record.department) : '—'}
        </Typography>
        <Typography variant="body2" data-testid="complaint-due">
          {translate('resources.complaints.fields.resolutionDueAt')}：{record.resolutionDueAt ? when(record.resolutionDueAt) : '—'}
        </Typography>
        <SlaChip />
      </Box>
      <Box sx={{ mt: 1 }}>
        <Complainant />
      </Box>
    </Box>
  );
}

interface FileView {
  id: string;
  filename: string;
  mimeType: string;
  size: number;
  source: string;
  url: string;
  thumbnailUrl: string | null;
}

/** The complaint's files (staff intake, portal, e-mail): image thumbnails and download links, signed for a few minutes. */
function Files() {
  const record = useRecordContext<any>();
  const translate = useTranslate();
  const files = useQuery({
    queryKey: ['complaintFiles', record?.id],
    enabled: !!record?.id,
    // Links expire after about five minutes: read them again well before.
    refetchInterval: 4 * 60_000,
    queryFn: () =>
      callOperation<{ files: FileView[] }>(
        'query',
        'complaint',
        { id: record.id },
        { selection: '{ files { id filename mimeType size source url thumbnailUrl } }' },
      ),
  });
  if (files.error instanceof OperationUnavailableError || !files.data) return null;
  const list = files.data.files ?? [];
  return (
    <Box sx={{ mt: 2 }} data-testid="complaint-files">
      <Typography variant="subtitle2" sx={{ mb: 1 }}>
        {translate('app.complaint.files.title')}
      </Typography>
      {list.length === 0 ? (
        <Typography color="text.secondary" variant="body2">
          {translate('app.complaint.files.none')}
        </Typography>
      ) : (
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {list.map((f) => (
            <Box key={f.id} sx={{ width: 160 }} data-testid="complaint-file">
              {f.thumbnailUrl ? (
                <a href={f.url} target="_blank" rel="noreferrer">
                  <img
                    src={f.thumbnailUrl}
                    alt={f.filename}
                    data-testid="file-thumbnail"
                    style={{ width: 160, height: 120, objectFit: 'cover', borderRadius: 4 }}
                  />
                </a>
              ) : null}
              <Typography variant="body2" noWrap title={f.filename}>
                <a href={f.url} target="_blank" rel="noreferrer" download={f.filename}>
                  {f.filename}
                </a>
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {translate(`app.complaint.files.source_${f.source}`, { _: f.source })} · {Math.max(1, Math.round(f.size / 1024))} KB
              </Typography>
            </Box>
          ))}
        </Stack>
      )}
    </Box>
  );
}

export const ComplaintShow = () => {
  const [version, setVersion] = useState(0);
  const refresh = useRefresh();
  return (
    <Show
      error={<ShowError />}
      queryOptions={{ onError: () => undefined }}
      aside={
        <ComplaintActions
          key={version}
          onDone={() => {
            setVersion((v) => v + 1);
            refresh();
          }}
        />
      }
    >
      <Header />
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="app.complaint.tabs.form">
          <FormValues />
          <Files />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.complaint.tabs.decisions" data-testid="tab-decisions">
          <Decisions />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.complaint.tabs.replies" data-testid="tab-replies">
          <Replies />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.complaint.tabs.timeline">
          <Timeline />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.complaint.tabs.customer" data-testid="tab-customer">
          <CustomerHistory />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.complaint.tabs.sla" data-testid="tab-sla">
          <Clocks />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
};
