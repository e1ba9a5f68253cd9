import { useNotify, usePermissions, useTranslate, Link } from 'react-admin';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Box, Button, Card, CardContent, CardHeader, Chip, CircularProgress, Stack, Typography } from '@mui/material';
import { callOperation, OperationUnavailableError } from '../graphql/schema';
import { can } from '../permissions';

interface AnalyticsAlert {
  id: string;
  kind: string;
  dimension: string;
  key: string;
  day: string;
  status: string;
  message: string;
  observed: number;
  baselineMean: number;
  pValue: number | null;
  complaintIds: string[];
}
const SELECTION = '{ id kind dimension key day status message observed baselineMean pValue complaintIds }';

/** 预警: spikes and repeat complainants the early-warning job raised; acknowledging takes them off the open list. */
export function AlertsCard() {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { permissions: role } = usePermissions<string>();
  const alerts = useQuery({
    queryKey: ['analyticsAlerts'],
    queryFn: () => callOperation<AnalyticsAlert[]>('query', 'analyticsAlerts', { first: 20 }, { selection: SELECTION }),
  });
  const acknowledge = async (id: string) => {
    try {
      await callOperation('mutation', 'acknowledgeAlert', { id }, { selection: '{ id status }' });
      await queryClient.invalidateQueries({ queryKey: ['analyticsAlerts'] });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  if (alerts.error instanceof OperationUnavailableError) return null;
  const list = alerts.data ?? [];
  return (
    <Card data-testid="alerts">
      <CardHeader title={translate('app.alerts.title')} titleTypographyProps={{ variant: 'subtitle1' }} />
      <CardContent sx={{ pt: 0 }}>
        {alerts.isPending && <CircularProgress size={20} />}
        {alerts.error && <Alert severity="error">{(alerts.error as Error).message}</Alert>}
        {alerts.isSuccess && !list.length && <Typography color="text.secondary">{translate('app.alerts.none')}</Typography>}
        <Stack spacing={1}>
          {list.map((a) => (
            <Alert
              key={a.id}
              severity={a.status === 'open' ? 'warning' : 'info'}
              data-testid="alert-row"
              action={
                a.status === 'open' && can(role, 'acknowledgeAlerts') ? (
                  <Button size="small" onClick={() => acknowledge(a.id)} data-testid="alert-acknowledge">
                    {translate('app.alerts.acknowledge')}
                  </Button>
                ) : undefined
              }
            >
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                <Chip size="small" label={translate(`app.alerts.kind.${a.kind}`, { _: a.kind })} />
                <Typography variant="body2">
                  {a.day} · {a.message}
                </Typography>
                {a.status !== 'open' && <Chip size="small" variant="outlined" label={translate('app.alerts.acknowledged')} />}
              </Box>
              <Typography variant="caption" color="text.secondary">
                {translate('app.alerts.evidence', { observed: a.observed, baseline: Math.round(a.baselineMean * 10) / 10 })}
                {a.complaintIds.slice(0, 5).map((id, i) => (
                  <span key={id}>
                    {i ? '、' : ' '}
                    <Link to={`/complaints/${id}/show`}>{translate('app.alerts.complaint', { n: i + 1 })}</Link>
                  </span>
                ))}
              </Typography>
            </Alert>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
}
