import { useState } from 'react';
import { Title, usePermissions, useTranslate } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Box,
  Card,
  CardContent,
  CardHeader,
  Grid,
  IconButton,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { callOperation, loadSchema } from '../graphql/schema';
import { gql } from '../graphql/client';
import { NotAvailable } from '../common/OperationGate';
import { can } from '../permissions';
import {
  DIMENSIONS,
  dimension,
  hotCauses,
  KPI_TARGETS,
  kpis,
  kpiTargets,
  STATS_QUERY,
  trend,
  trendRange,
  TREND_WEEKS,
  weekRange,
  type DashboardStats,
  type KpiKey,
} from './stats';
import { ExportButtons } from './ExportButtons';
import { AlertsCard } from './AlertsCard';
import { ModelPanel } from './ModelPanel';

/** The week's statistics, one request for all dimensions and the trend; null when the API has no complaintStats. */
async function fetchStats(from: Date, to: Date): Promise<DashboardStats | null> {
  const schema = await loadSchema();
  if (!schema.queries.has('complaintStats')) return null;
  const trendPeriod = trendRange({ from, to });
  return gql<DashboardStats>(STATS_QUERY, {
    week: { from: from.toISOString(), to: to.toISOString() },
    trend: { from: trendPeriod.from.toISOString(), to: trendPeriod.to.toISOString() },
  });
}

/** The published policy's settings (KPI targets); null when none is published or the caller may not read it. */
async function fetchSettings(): Promise<{ kpiTargets?: any } | null> {
  const schema = await loadSchema();
  if (!schema.queries.has('currentPolicyVersion')) return null;
  const current = await callOperation<any>(
    'query',
    'currentPolicyVersion',
    {},
    {
      selection:
        '{ document { settings { kpiTargets { onTimeRate satisfactionRate effectiveResolutionRate onTimeByTarget { target rate } } } } }',
    },
  ).catch(() => null);
  return current?.document?.settings ?? null;
}

function KpiTile({ name, value, target }: { name: KpiKey; value?: number; target: number }) {
  const translate = useTranslate();
  const met = value !== undefined && value >= target;
  return (
    <Card
      sx={{ borderTop: 4, borderColor: value === undefined ? 'grey.300' : met ? 'success.main' : 'error.main' }}
      data-testid={`kpi-${name}`}
    >
      <CardContent>
        <Typography variant="body2" color="text.secondary">
          {translate(`app.dashboard.kpi.${name}`)}
        </Typography>
        <Typography variant="h4" sx={{ my: 1 }}>
          {value === undefined ? '—' : `${value}%`}
        </Typography>
        <Typography variant="caption" color={met ? 'success.main' : value === undefined ? 'text.secondary' : 'error.main'}>
          {translate('app.dashboard.target', { target })}
          {value !== undefined ? ` · ${translate(met ? 'app.dashboard.met' : 'app.dashboard.not_met')}` : ''}
        </Typography>
      </CardContent>
    </Card>
  );
}

/** The weekly meeting's view: 投诉统计表 by dimension, KPI tiles against targets, the trend and the hot causes. */
export default function Dashboard() {
  const translate = useTranslate();
  const { permissions: role } = usePermissions<string>();
  const [anchor, setAnchor] = useState(() => new Date());
  const { from, to } = weekRange(anchor);
  const stats = useQuery({ queryKey: ['complaintStats', from.toISOString()], queryFn: () => fetchStats(from, to) });
  const settings = useQuery({ queryKey: ['publishedPolicySettings'], queryFn: fetchSettings });
  const targets = kpiTargets(settings.data);
  const shiftWeek = (weeks: number) => setAnchor((d) => new Date(d.getTime() + weeks * 7 * 86400000));
  const data = stats.data;
  const indicators = kpis(data);
  const series = trend(data);
  const causes = hotCauses(data);
  const lastDay = new Date(to.getTime() - 86400000);
  return (
    <Box sx={{ p: 1 }}>
      <Title title={translate('app.menu.dashboard')} />
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 2 }}>
        <Typography variant="h6" sx={{ flex: 1 }}>
          {translate('app.dashboard.weekly_title')}
        </Typography>
        <IconButton onClick={() => shiftWeek(-1)} aria-label={translate('app.dashboard.previous_week')}>
          <ChevronLeftIcon />
        </IconButton>
        <Typography variant="body2">
          {from.toLocaleDateString()} – {lastDay.toLocaleDateString()}
        </Typography>
        <IconButton onClick={() => shiftWeek(1)} aria-label={translate('app.dashboard.next_week')}>
          <ChevronRightIcon />
        </IconButton>
      </Box>
      {can(role, 'exportStats') && data && (
        <Box sx={{ mb: 2 }}>
          <ExportButtons from={from} to={to} />
        </Box>
      )}
      {stats.isPending && <LinearProgress />}
      {stats.error && <Alert severity="error">{(stats.error as Error).message}</Alert>}
      {data === null && <NotAvailable operations={['complaintStats']} />}
      <Grid container spacing={2}>
        {(Object.keys(KPI_TARGETS) as KpiKey[]).map((name) => (
          <Grid key={name} size={{ xs: 12, md: 4 }}>
            <KpiTile name={name} value={indicators[name]} target={targets[name]} />
          </Grid>
        ))}
        <Grid size={{ xs: 12, md: 7 }}>
          <Card data-testid="trend">
            <CardHeader
              title={translate('app.dashboard.trend')}
              subheader={translate('app.dashboard.trend_help', { weeks: TREND_WEEKS })}
              titleTypographyProps={{ variant: 'subtitle1' }}
            />
            <CardContent sx={{ height: 260 }}>
              {series.length ? (
                <ResponsiveContainer width="100%" height="100%">
                  <LineChart data={series}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="label" />
                    <YAxis allowDecimals={false} />
                    <Tooltip />
                    <Line type="monotone" dataKey="count" name={translate('app.dashboard.count')} stroke="#1f4e79" />
                  </LineChart>
                </ResponsiveContainer>
              ) : (
                <Typography color="text.secondary">{translate('app.dashboard.no_data')}</Typography>
              )}
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Card data-testid="hot-causes">
            <CardHeader title={translate('app.dashboard.hot_causes')} titleTypographyProps={{ variant: 'subtitle1' }} />
            <CardContent sx={{ height: 260 }}>
              {causes.length ? (
                <ResponsiveContainer width="100%" height="100%">
                  <BarChart data={causes} layout="vertical" margin={{ left: 40 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis type="number" allowDecimals={false} />
                    <YAxis type="category" dataKey="label" width={100} />
                    <Tooltip />
                    <Bar dataKey="count" name={translate('app.dashboard.count')} fill="#b22222" />
                  </BarChart>
                </ResponsiveContainer>
              ) : (
                <Typography color="text.secondary">{translate('app.dashboard.no_data')}</Typography>
              )}
            </CardContent>
          </Card>
        </Grid>
        <Grid size={12}>
          <Card data-testid="weekly-table">
            <CardHeader title={translate('app.dashboard.statistics_table')} titleTypographyProps={{ variant: 'subtitle1' }} />
            <CardContent>
              <Grid container spacing={2}>
                {DIMENSIONS.map((name) => {
                  const rows = dimension(data, name);
                  const total = rows.reduce((s, r) => s + r.count, 0);
                  return (
                    <Grid key={name} size={{ xs: 12, md: 6, lg: 4 }}>
                      <Table size="small" data-testid={`stats-${name}`}>
                        <TableHead>
                          <TableRow>
                            <TableCell>{translate(`app.dashboard.dimension.${name}`)}</TableCell>
                            <TableCell align="right">{translate('app.dashboard.count')}</TableCell>
                            <TableCell align="right">{translate('app.dashboard.share')}</TableCell>
                          </TableRow>
                        </TableHead>
                        <TableBody>
                          {rows.map((r) => (
                            <TableRow key={r.key || '-'}>
                              <TableCell>{r.key ? r.label : translate('app.dashboard.unspecified')}</TableCell>
                              <TableCell align="right">{r.count}</TableCell>
                              <TableCell align="right">{total ? `${Math.round((r.count / total) * 1000) / 10}%` : ''}</TableCell>
                            </TableRow>
                          ))}
                          {!rows.length && (
                            <TableRow>
                              <TableCell colSpan={3} sx={{ color: 'text.secondary' }}>
                                {translate('app.dashboard.no_data')}
                              </TableCell>
                            </TableRow>
                          )}
                        </TableBody>
                      </Table>
                    </Grid>
                  );
                })}
              </Grid>
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <AlertsCard />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <ModelPanel />
        </Grid>
      </Grid>
    </Box>
  );
}
