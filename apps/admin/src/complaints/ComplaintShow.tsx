import { useState } from 'react';
import { Show, TabbedShowLayout, useRecordContext, useRefresh, useTranslate, useShowContext } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { Alert, Box, Card, CardContent, CardHeader, Chip, CircularProgress, Grid, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { ErrorNotice } from '../common/ListError';
import { ResultView } from '../common/ResultView';
import { localized } from '../i18n/locale';
import { clockStatus, type SlaClockLike } from './sla';
import { SlaChip, SlaClockChip } from './SlaChip';
import { callOperation, OperationUnavailableError } from '../graphql/schema';
import { NotAvailable } from '../common/OperationGate';
import { ComplaintActions } from './ComplaintActions';
import { fieldLabels, usePublishedPolicy } from './publishedPolicy';

const ShowError = () => <ErrorNotice error={useShowContext().error} />;

function FormValues() {
  const record = useRecordContext<any>();
  const translate = useTranslate();
  const form: Record<string, unknown> = typeof record?.form === 'string' ? JSON.parse(record.form) : record?.form ?? {};
  // Form values are stored by field key; the labels come from the published policy (readable by every role here).
  const labels = fieldLabels(usePublishedPolicy().data);
  const basics = ['number', 'title', 'text', 'channel', 'requestedRemedy', 'reference', 'receivedAt', 'state'];
  return (
    <Table size="small" data-testid="complaint-form-values">
      <TableBody>
        {basics.filter((k) => record?.[k] !== undefined && typeof record[k] !== 'object').map((k) => (
          <TableRow key={k}><TableCell sx={{ width: 200, fontWeight: 500 }}>{translate(`resources.complaints.fields.${k}`)}</TableCell><TableCell>{String(record[k])}</TableCell></TableRow>
        ))}
        {Object.entries(form).map(([k, v]) => (
          <TableRow key={k}><TableCell sx={{ fontWeight: 500 }}>{localized(labels[k]) || k}</TableCell><TableCell>{Array.isArray(v) ? v.join('、') : String(v)}</TableCell></TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Timeline() {
  const record = useRecordContext<any>();
  const translate = useTranslate();
  const events: any[] = record?.timeline ?? [];
  if (!events.length) return <Typography color="text.secondary">{translate('app.complaint.no_events')}</Typography>;
  return (
    <Stack spacing={1} data-testid="timeline">
      {events.map((event, i) => (
        <Box key={event.id ?? i} sx={{ borderLeft: '3px solid', borderColor: 'primary.light', pl: 2, py: 0.5 }}>
          <Typography variant="caption" color="text.secondary">{event.at || event.createdAt ? new Date(event.at ?? event.createdAt).toLocaleString() : ''} {event.actorName ?? event.actor ?? ''}</Typography>
          <Typography variant="body2"><b>{translate(`app.event.${event.type ?? event.kind}`, { _: event.type ?? event.kind ?? '' })}</b> {event.summary ?? event.comment ?? ''}</Typography>
          {event.data && typeof event.data === 'object' && Object.keys(event.data).length > 0 && <ResultView value={event.data} depth={2} />}
        </Box>
      ))}
    </Stack>
  );
}

/** A decision's outcome in words: the department (and team) routed to, the severity, the SLA plan, valid or why not. */
function OutcomeText({ decision, record }: { decision: any; record: any }) {
  const translate = useTranslate();
  const outcome = decision.outcome;
  switch (decision.kind) {
    case 'validity':
      return <>{outcome?.valid === false ? translate('app.intake.invalid', { reason: outcome?.reason ?? record.invalidReason ?? '' }) : translate('app.intake.valid')}</>;
    case 'severity':
      return <>{outcome === record.severity && record.severityName ? `${record.severityName}（${outcome}）` : String(outcome ?? '')}</>;
    case 'routing':
      return (
        <>
          {[outcome?.department, outcome?.team].filter(Boolean).join(' / ')}
          {outcome?.strategy ? `（${translate(`app.strategy.${outcome.strategy}`, { _: outcome.strategy })}）` : ''}
        </>
      );
    default:
      return <>{typeof outcome === 'object' ? JSON.stringify(outcome) : String(outcome ?? '')}</>;
  }
}

/** "Why 紧急, why this department": each decision with the rule set, the row that matched and the explanation, as recorded at the time. */
function Decisions() {
  const record = useRecordContext<any>();
  const translate = useTranslate();
  const decisions: any[] = record?.decisions ?? [];
  if (!decisions.length) return <Typography color="text.secondary">{translate('app.complaint.no_decisions')}</Typography>;
  return (
    <Grid container spacing={2} data-testid="decisions">
      {decisions.map((d, i) => (
        <Grid key={i} size={{ xs: 12, md: 6 }}>
          <Card variant="outlined" data-testid={`decision-${d.kind}`}>
            <CardHeader
              title={translate('app.complaint.why', { decision: translate(`app.rules.tables.${d.kind}`, { _: d.kind ?? '' }) })}
              subheader={d.policyVersion !== undefined ? translate('app.complaint.policy_version', { version: d.policyVersion }) : undefined}
              titleTypographyProps={{ variant: 'subtitle1' }}
            />
            <CardContent sx={{ pt: 0 }}>
              <Typography variant="body2" sx={{ mb: 1 }}>
                {translate('app.complaint.outcome')}：<b data-testid="decision-outcome"><OutcomeText decision={d} record={record} /></b>
              </Typography>
              <Typography variant="body2" sx={{ mb: 1 }} data-testid="decision-row">
                {d.rowKey ? translate('app.complaint.matched', { rows: d.rowKey }) : translate('app.complaint.defaulted')}
              </Typography>
              {d.explanation && <Alert severity="info" icon={false} sx={{ whiteSpace: 'pre-wrap' }} data-testid="decision-explanation">{d.explanation}</Alert>}
            </CardContent>
          </Card>
        </Grid>
      ))}
    </Grid>
  );
}

/** The complaint's SLA clocks (`slaClocks`), read when the tab opens. */
function Clocks() {
  const record = useRecordContext<any>();
  const translate = useTranslate();
  const clocks = useQuery({
    queryKey: ['slaClocks', record?.id],
    enabled: !!record?.id,
    queryFn: () => callOperation<SlaClockLike[]>('query', 'slaClocks', { complaintId: record.id }, { depth: 1 }),
  });
  if (clocks.error instanceof OperationUnavailableError) return <NotAvailable operations={['slaClocks']} />;
  if (clocks.isPending) return <CircularProgress size={20} />;
  if (clocks.error) return <Alert severity="error">{(clocks.error as Error).message}</Alert>;
  if (!clocks.data?.length) return <Typography color="text.secondary">{translate('app.complaint.no_clocks')}</Typography>;
  const now = new Date();
  return (
    <Table size="small" data-testid="sla-clocks">
      <TableBody>
        {clocks.data.map((clock, i) => (
          <TableRow key={i} data-testid={`sla-clock-${clock.target}`}>
            <TableCell>{translate(`app.sla_target.${clock.target ?? clock.key}`, { _: clock.target ?? clock.key ?? '' })}</TableCell>
            <TableCell>{clock.slaPolicy}</TableCell>
            <TableCell data-testid="sla-due">{clock.dueAt ? new Date(clock.dueAt).toLocaleString() : ''}</TableCell>
            <TableCell><SlaClockChip clock={clock} status={clockStatus(clock, now)} /></TableCell>
            <TableCell data-testid="sla-holiday-flag">
              {clock.holidayDataMissingYears?.length ? (
                <Chip size="small" color="warning" variant="outlined"
                  label={translate('app.complaint.holiday_data_missing', { years: clock.holidayDataMissingYears.join('、') })} />
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Header() {
  const record = useRecordContext<any>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ px: 2, pt: 2 }} data-testid="complaint-header">
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h6" data-testid="complaint-number">{record.number}</Typography>
        {record.state && <Chip size="small" label={translate(`app.enum.${record.state}`, { _: record.state })} />}
        <Typography variant="body1" sx={{ ml: 1 }}>{record.title ?? String(record.text ?? '').slice(0, 40)}</Typography>
      </Box>
      <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', mt: 1, color: 'text.secondary' }}>
        <Typography variant="body2">{translate('resources.complaints.fields.type')}：{record.typeName ?? record.type}</Typography>
        <Typography variant="body2">{translate('resources.complaints.fields.severity')}：{record.severityName ?? record.severity}</Typography>
        <Typography variant="body2" data-testid="complaint-department">{translate('resources.complaints.fields.department')}：{record.department ?? '—'}</Typography>
        <Typography variant="body2" data-testid="complaint-due">
          {translate('resources.complaints.fields.resolutionDueAt')}：{record.resolutionDueAt ? new Date(record.resolutionDueAt).toLocaleString() : '—'}
        </Typography>
        <SlaChip />
      </Box>
    </Box>
  );
}

interface FileView { id: string; filename: string; mimeType: string; size: number; source: string; url: string; thumbnailUrl: string | null }

/** The complaint's files (staff intake, portal, e-mail): image thumbnails and download links, signed for a few minutes. */
function Files() {
  const record = useRecordContext<any>();
  const translate = useTranslate();
  const files = useQuery({
    queryKey: ['complaintFiles', record?.id],
    enabled: !!record?.id,
    // Links expire after about five minutes: read them again well before.
    refetchInterval: 4 * 60_000,
    queryFn: () => callOperation<{ files: FileView[] }>('query', 'complaint', { id: record.id }, { selection: '{ files { id filename mimeType size source url thumbnailUrl } }' }),
  });
  if (files.error instanceof OperationUnavailableError || !files.data) return null;
  const list = files.data.files ?? [];
  return (
    <Box sx={{ mt: 2 }} data-testid="complaint-files">
      <Typography variant="subtitle2" sx={{ mb: 1 }}>{translate('app.complaint.files.title')}</Typography>
      {list.length === 0 ? <Typography color="text.secondary" variant="body2">{translate('app.complaint.files.none')}</Typography> : (
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {list.map((f) => (
            <Box key={f.id} sx={{ width: 160 }} data-testid="complaint-file">
              {f.thumbnailUrl
                ? <a href={f.url} target="_blank" rel="noreferrer"><img src={f.thumbnailUrl} alt={f.filename} data-testid="file-thumbnail" style={{ width: 160, height: 120, objectFit: 'cover', borderRadius: 4 }} /></a>
                : null}
              <Typography variant="body2" noWrap title={f.filename}>
                <a href={f.url} target="_blank" rel="noreferrer" download={f.filename}>{f.filename}</a>
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
    <Show error={<ShowError />} queryOptions={{ onError: () => undefined }} aside={<ComplaintActions key={version} onDone={() => { setVersion((v) => v + 1); refresh(); }} />}>
      <Header />
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="app.complaint.tabs.form"><FormValues /><Files /></TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.complaint.tabs.decisions" data-testid="tab-decisions"><Decisions /></TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.complaint.tabs.timeline"><Timeline /></TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.complaint.tabs.sla" data-testid="tab-sla"><Clocks /></TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
};
