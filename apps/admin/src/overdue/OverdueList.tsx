import { Link as RouterLink } from 'react-router-dom';
import { Datagrid, FunctionField, List, SelectInput, TextField, useListContext, useLocaleState, useTranslate } from 'react-admin';
import { Card, CardContent, CardHeader, Link, Stack, Typography } from '@mui/material';
import { ErrorNotice } from '../common/ListError';
import { localized, type Locale } from '../i18n/locale';
import { SlaClockChip } from '../complaints/SlaChip';
import { clockStatus } from '../complaints/sla';
import { useInstantFormat, usePolicyNames } from '../complaints/display';
import { useAssignableUsers, usePublishedPolicy } from '../complaints/publishedPolicy';
import { latestEscalations, recentEscalations, type ClockLike, type TimelineEventLike } from '../dataProvider/overdue';

/** One escalation in the reader's words: what the rule did (to which severity / department) and why, or the move to a manager. */
function useEscalationText(): (event: TimelineEventLike) => string {
  const translate = useTranslate();
  const names = usePolicyNames();
  return (event) => {
    const d = (event.data ?? {}) as Record<string, any>;
    switch (event.type) {
      case 'severity.raised':
        return translate('app.overdue.severity_raised', { from: names.severity(d.from), to: names.severity(d.to) });
      case 'escalated':
        return translate('app.overdue.to_manager');
      default: {
        const action = d.action ?? {};
        const to =
          action.type === 'raise_severity'
            ? names.severity(action.to)
            : action.type === 'reassign'
              ? names.department(action.department)
              : '';
        const what = translate(`app.action.${action.type}`, { _: action.type ?? '' });
        const trigger = d.trigger ? translate(`app.trigger.${d.trigger}`, { _: d.trigger }) : '';
        return [trigger, [what, to].filter(Boolean).join(' → ')].filter(Boolean).join('：');
      }
    }
  };
}

function LatestEscalation({ timeline }: { timeline?: TimelineEventLike[] }) {
  const text = useEscalationText();
  const when = useInstantFormat();
  const translate = useTranslate();
  const { latest, earlier } = latestEscalations(timeline);
  if (!latest.length)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.overdue.none')}
      </Typography>
    );
  return (
    <Stack data-testid="latest-escalation">
      {latest.map((event, i) => (
        <Typography key={event.id ?? i} variant="body2">
          {text(event)}
        </Typography>
      ))}
      <Typography variant="caption" color="text.secondary">
        {when(latest[0].at)}
        {earlier ? ` · ${translate('app.overdue.more', { smart_count: earlier })}` : ''}
      </Typography>
    </Stack>
  );
}

/** The clock that makes the complaint late, as the API computed it (working time overdue or left). */
function PressingClock({ record }: { record: { pressingClock?: ClockLike | null; resolutionDueAt?: string; slaStatus?: string } }) {
  const clock =
    record.pressingClock ??
    (record.resolutionDueAt ? { target: 'resolution', dueAt: record.resolutionDueAt, status: record.slaStatus ?? '' } : null);
  if (!clock) return null;
  return <SlaClockChip clock={clock} status={clockStatus(clock, new Date())} />;
}

/** The latest escalations among the listed complaints, each linked to its complaint. */
function RecentEscalations() {
  const { data = [] } = useListContext();
  const translate = useTranslate();
  const text = useEscalationText();
  const when = useInstantFormat();
  const recent = recentEscalations(data as any[]);
  return (
    <Card sx={{ ml: 2, mt: 8, width: 300, flexShrink: 0, alignSelf: 'flex-start' }} data-testid="recent-escalations">
      <CardHeader title={translate('app.overdue.recent')} titleTypographyProps={{ variant: 'subtitle1' }} />
      <CardContent sx={{ pt: 0 }}>
        {!recent.length && (
          <Typography variant="body2" color="text.secondary">
            {translate('app.overdue.none')}
          </Typography>
        )}
        <Stack spacing={1}>
          {recent.map(({ complaintId, number, event }, i) => (
            <div key={`${complaintId}-${event.id ?? i}`}>
              <Link component={RouterLink} to={`/complaints/${complaintId}/show`} variant="body2">
                {number}
              </Link>
              <Typography variant="body2">{text(event)}</Typography>
              <Typography variant="caption" color="text.secondary">
                {when(event.at)}
              </Typography>
            </div>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
}

const ListErrorFromContext = () => <ErrorNotice error={useListContext().error} />;

/** 超时与升级: open complaints breached or at risk, soonest deadline first, filterable by department and severity. */
export function OverdueList() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const loc = (locale === 'en' ? 'en' : 'zh-CN') as Locale;
  const names = usePolicyNames();
  const when = useInstantFormat();
  const policy = usePublishedPolicy().data as any;
  const { data: users = [] } = useAssignableUsers();
  const choices = (collection: string) =>
    (policy?.[collection] ?? []).map((item: any) => ({ id: item.key, name: localized(item.name, loc) || item.key }));
  const filters = [
    <SelectInput key="department" source="department" label="app.filters.department" choices={choices('departments')} alwaysOn />,
    <SelectInput key="severity" source="severity" label="app.filters.severity" choices={choices('severityLevels')} alwaysOn />,
    <SelectInput
      key="slaStatus"
      source="slaStatus"
      label="app.filters.slaStatus"
      alwaysOn
      choices={['breached', 'at_risk'].map((s) => ({ id: s, name: translate(`app.sla.status.${s}`) }))}
    />,
  ];
  const assignee = (id?: string | null) => {
    if (!id) return translate('app.overdue.unassigned');
    const user = users.find((u) => u.id === id);
    return user ? user.displayName || user.email : id.slice(0, 8);
  };
  return (
    <List
      title="app.overdue.title"
      sort={{ field: 'resolutionDueAt', order: 'ASC' }}
      perPage={25}
      exporter={false}
      filters={filters}
      aside={<RecentEscalations />}
      error={<ListErrorFromContext />}
      queryOptions={{ onError: () => undefined }}
      empty={
        <Typography sx={{ p: 3 }} color="text.secondary" data-testid="overdue-empty">
          {translate('app.overdue.empty')}
        </Typography>
      }
    >
      <Datagrid
        bulkActionButtons={false}
        rowClick={(id) => `/complaints/${id}/show`}
        rowSx={() => ({ cursor: 'pointer' })}
        data-testid="overdue-list"
        // Short values on one line; the title and the escalations wrap.
        sx={{
          '& .RaDatagrid-headerCell, & .RaDatagrid-rowCell': { whiteSpace: 'nowrap' },
          '& .wrap': { whiteSpace: 'normal', minWidth: 160 },
        }}
      >
        <TextField source="number" label="resources.complaints.fields.number" sortable={false} />
        <FunctionField
          label="resources.complaints.fields.title"
          cellClassName="wrap"
          render={(r: any) => r.title ?? (r.text ? String(r.text).slice(0, 40) : '')}
        />
        <FunctionField label="resources.complaints.fields.department" render={(r: any) => names.department(r.department)} />
        <FunctionField label="app.overdue.assignee" render={(r: any) => assignee(r.assigneeId)} />
        <FunctionField label="resources.complaints.fields.severity" render={(r: any) => names.severity(r.severity)} />
        <FunctionField
          source="resolutionDueAt"
          label="resources.complaints.fields.resolutionDueAt"
          render={(r: any) => <span data-testid="overdue-due">{when(r.resolutionDueAt)}</span>}
        />
        <FunctionField label="app.overdue.how_late" render={(r: any) => <PressingClock record={r} />} />
        <FunctionField label="app.overdue.latest" cellClassName="wrap" render={(r: any) => <LatestEscalation timeline={r.timeline} />} />
      </Datagrid>
    </List>
  );
}
