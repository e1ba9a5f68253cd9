import { useState } from 'react';
import { Show, TabbedShowLayout, useRecordContext, useRefresh, useTranslate, useShowContext, useLocaleState } from 'react-admin';
import { Alert, Box, Card, CardContent, CardHeader, Chip, Divider, Grid, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { ErrorNotice } from '../common/ListError';
import { ResultView } from '../common/ResultView';
import { localized } from '../i18n/locale';
import { clockStatus, type SlaClockLike } from './sla';
import { SlaClockChip } from './SlaChip';
import { ComplaintActions } from './ComplaintActions';

const ShowError = () => <ErrorNotice error={useShowContext().error} />;

function FormValues() {
  const record = useRecordContext<any>();
  const translate = useTranslate();
  const form: Record<string, unknown> = typeof record?.form === 'string' ? JSON.parse(record.form) : record?.form ?? {};
  const labels: Record<string, any> = Object.fromEntries((record?.formFields ?? []).map((f: any) => [f.key, f.label]));
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

/** "Why 紧急, why this department": each decision with the rule that matched and its trace, as recorded at the time. */
function Decisions() {
  const record = useRecordContext<any>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const decisions: any[] = record?.decisions ?? [];
  if (!decisions.length) return <Typography color="text.secondary">{translate('app.complaint.no_decisions')}</Typography>;
  return (
    <Grid container spacing={2} data-testid="decisions">
      {decisions.map((d, i) => {
        const table = d.table ?? d.tableKey ?? d.key;
        const value = d.value ?? d.outcome ?? d.result;
        return (
          <Grid key={i} size={{ xs: 12, md: 6 }}>
            <Card variant="outlined">
              <CardHeader
                title={translate('app.complaint.why', { decision: translate(`app.rules.tables.${table}`, { _: table ?? '' }) })}
                subheader={d.policyVersion !== undefined ? translate('app.complaint.policy_version', { version: d.policyVersion }) : undefined}
                titleTypographyProps={{ variant: 'subtitle1' }}
              />
              <CardContent sx={{ pt: 0 }}>
                <Typography variant="body2" sx={{ mb: 1 }}>
                  {translate('app.complaint.outcome')}：<b>{typeof value === 'object' ? localized(value?.name, locale === 'en' ? 'en' : 'zh-CN') || JSON.stringify(value) : String(value ?? '')}</b>
                </Typography>
                {d.explanation && <Alert severity="info" sx={{ mb: 1 }}>{typeof d.explanation === 'string' ? d.explanation : localized(d.explanation)}</Alert>}
                <Typography variant="body2">
                  {d.defaulted ? translate('app.complaint.defaulted') : translate('app.complaint.matched', { rows: (d.matched ?? []).join('、') })}
                </Typography>
                {d.trace && <><Divider sx={{ my: 1 }} /><ResultView value={d.trace} depth={1} /></>}
              </CardContent>
            </Card>
          </Grid>
        );
      })}
    </Grid>
  );
}

function Clocks() {
  const record = useRecordContext<any>();
  const translate = useTranslate();
  const clocks: SlaClockLike[] = record?.slaClocks ?? [];
  if (!clocks.length) return <Typography color="text.secondary">{translate('app.complaint.no_clocks')}</Typography>;
  const now = new Date();
  return (
    <Table size="small" data-testid="sla-clocks">
      <TableBody>
        {clocks.map((clock, i) => (
          <TableRow key={i}>
            <TableCell>{translate(`app.sla_target.${clock.target ?? clock.key}`, { _: clock.target ?? clock.key ?? '' })}</TableCell>
            <TableCell>{clock.dueAt ? new Date(clock.dueAt).toLocaleString() : ''}</TableCell>
            <TableCell><SlaClockChip clock={clock} status={clockStatus(clock, now)} /></TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Header() {
  const record = useRecordContext<any>();
  if (!record) return null;
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', px: 2, pt: 2 }}>
      <Typography variant="h6">{record.number}</Typography>
      {record.state && <Chip size="small" label={record.state} />}
      <Typography variant="body1" sx={{ ml: 1 }}>{record.title}</Typography>
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
        <TabbedShowLayout.Tab label="app.complaint.tabs.form"><FormValues /></TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.complaint.tabs.decisions"><Decisions /></TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.complaint.tabs.timeline"><Timeline /></TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.complaint.tabs.sla"><Clocks /></TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
};
