import { useCallback, useEffect, useState } from 'react';
import { Title, useNotify, usePermissions, useTranslate } from 'react-admin';
import {
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { gql } from '../graphql/client';

const CHANNELS = ['email', 'sms', 'webhook', 'in_app'];
const STATUSES = ['pending', 'sent', 'failed', 'dead'];
const STATUS_COLOR: Record<string, 'default' | 'success' | 'warning' | 'error'> = {
  pending: 'default',
  sent: 'success',
  failed: 'warning',
  dead: 'error',
};

const QUERY = `query($f: DeliveryFilterInput, $first: Int, $offset: Int) { deliveries(filter: $f, first: $first, offset: $offset) { total items {
  id complaintId topic noticeKey channel recipientKind recipient subject body status attempts providerMessageId lastError createdAt sentAt } } }`;

interface Row {
  id: string;
  complaintId?: string | null;
  topic: string;
  noticeKey?: string | null;
  channel: string;
  recipientKind: string;
  recipient?: string | null;
  subject?: string | null;
  body: string;
  status: string;
  attempts: number;
  providerMessageId?: string | null;
  lastError?: string | null;
  createdAt: string;
  sentAt?: string | null;
}

/** What left Redress (and what waits or failed, with the reason); admins retry a delivery or send the dead ones again. */
export function DeliveriesPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const { permissions: role } = usePermissions<string>();
  const [filter, setFilter] = useState<Record<string, string>>({});
  const [page, setPage] = useState(0);
  const [data, setData] = useState<{ total: number; items: Row[] }>({ total: 0, items: [] });
  const perPage = 50;

  const load = useCallback(async () => {
    const f = Object.fromEntries(Object.entries(filter).filter(([, v]) => v));
    try {
      setData(
        (await gql<{ deliveries: { total: number; items: Row[] } }>(QUERY, { f, first: perPage, offset: page * perPage })).deliveries,
      );
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  }, [filter, page, notify]);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (query: string, variables: Record<string, unknown>, done: string) => {
    try {
      await gql(query, variables);
      notify(done, { type: 'success' });
      await load();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  const set = (key: string) => (event: React.ChangeEvent<HTMLInputElement>) => {
    setPage(0);
    setFilter({ ...filter, [key]: event.target.value });
  };

  return (
    <Card data-testid="deliveries-page">
      <Title title={translate('app.deliveries.title')} />
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ mb: 2, flexWrap: 'wrap' }}>
          <TextField
            select
            size="small"
            label={translate('app.deliveries.channel')}
            value={filter.channel ?? ''}
            onChange={set('channel')}
            sx={{ minWidth: 140 }}
          >
            <MenuItem value="">{translate('app.deliveries.all')}</MenuItem>
            {CHANNELS.map((c) => (
              <MenuItem key={c} value={c}>
                {translate(`app.delivery_channel.${c}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            size="small"
            label={translate('app.deliveries.status')}
            value={filter.status ?? ''}
            onChange={set('status')}
            sx={{ minWidth: 140 }}
          >
            <MenuItem value="">{translate('app.deliveries.all')}</MenuItem>
            {STATUSES.map((s) => (
              <MenuItem key={s} value={s}>
                {translate(`app.delivery_status.${s}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField size="small" label={translate('app.deliveries.topic')} value={filter.topic ?? ''} onChange={set('topic')} />
          <TextField
            size="small"
            label={translate('app.deliveries.complaint')}
            value={filter.complaintId ?? ''}
            onChange={set('complaintId')}
          />
          {role === 'admin' && (
            <Button
              variant="outlined"
              onClick={() =>
                run(
                  'mutation($i: ReplayDeliveriesInput!) { replayDeliveries(input: $i) }',
                  { i: { statuses: ['dead'], ...(filter.channel ? { channel: filter.channel } : {}) } },
                  'app.deliveries.replayed',
                )
              }
            >
              {translate('app.deliveries.replay_dead')}
            </Button>
          )}
        </Stack>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('app.deliveries.total', { count: data.total })}
        </Typography>
        <Table size="small">
          <TableHead>
            <TableRow>
              {['created', 'channel', 'topic', 'recipient', 'subject', 'status', 'attempts', 'last_error', ''].map((h) => (
                <TableCell key={h}>{h ? translate(`app.deliveries.col.${h}`) : ''}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {data.items.map((row) => (
              <TableRow key={row.id} data-testid="delivery-row">
                <TableCell>{new Date(row.createdAt).toLocaleString()}</TableCell>
                <TableCell>{translate(`app.delivery_channel.${row.channel}`, { _: row.channel })}</TableCell>
                <TableCell>
                  {row.topic}
                  {row.noticeKey ? ` (${row.noticeKey})` : ''}
                </TableCell>
                <TableCell>
                  {row.recipient ?? translate(`app.deliveries.recipient_kind.${row.recipientKind}`, { _: row.recipientKind })}
                </TableCell>
                <TableCell>
                  <Tooltip title={row.body}>
                    <span>{row.subject ?? row.body.slice(0, 40)}</span>
                  </Tooltip>
                </TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    color={STATUS_COLOR[row.status] ?? 'default'}
                    label={translate(`app.delivery_status.${row.status}`, { _: row.status })}
                  />
                </TableCell>
                <TableCell>{row.attempts}</TableCell>
                <TableCell sx={{ maxWidth: 320, wordBreak: 'break-word' }}>{row.lastError ?? ''}</TableCell>
                <TableCell>
                  {role === 'admin' && ['failed', 'dead'].includes(row.status) && (
                    <Button
                      size="small"
                      onClick={() => run('mutation($id: ID!) { retryDelivery(id: $id) { id } }', { id: row.id }, 'app.deliveries.retried')}
                    >
                      {translate('app.deliveries.retry')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Box sx={{ mt: 2, display: 'flex', gap: 1 }}>
          <Button disabled={page === 0} onClick={() => setPage(page - 1)}>
            {translate('ra.navigation.prev')}
          </Button>
          <Button disabled={(page + 1) * perPage >= data.total} onClick={() => setPage(page + 1)}>
            {translate('ra.navigation.next')}
          </Button>
        </Box>
      </CardContent>
    </Card>
  );
}
