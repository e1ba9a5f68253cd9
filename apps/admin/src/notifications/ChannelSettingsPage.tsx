import { useEffect, useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Checkbox,
  FormControlLabel,
  MenuItem,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
} from '@mui/material';
import { gql } from '../graphql/client';

const EMAIL_FIELDS = 'enabled host port secure requireTls allowSelfSigned user from fromName intakeAddress intakeType hasPassword';
const SMS_FIELDS = 'enabled endpoint format accessKeyId signName longMessages quietHours { start end } hasSecret';
const WEBHOOK_EVENTS = [
  'complaint.submitted',
  'complaint.assessed',
  'complaint.routed',
  'complaint.transitioned',
  'complaint.replied',
  'complaint.closed',
  'sla.warning',
  'sla.breached',
];

type Values = Record<string, any>;

function useAction() {
  const notify = useNotify();
  return async (work: () => Promise<unknown>, done = 'app.notice.done') => {
    try {
      await work();
      notify(done, { type: 'success' });
      return true;
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
      return false;
    }
  };
}

/** SMTP: where notices leave from and the intake address replies come back to. The password is write-only. */
function EmailSettings() {
  const translate = useTranslate();
  const act = useAction();
  const [v, setV] = useState<Values>({ enabled: true, port: 587, secure: false });
  const [password, setPassword] = useState('');
  useEffect(() => {
    void gql(`{ emailSettings { ${EMAIL_FIELDS} } }`).then((d: any) => d.emailSettings && setV(d.emailSettings));
  }, []);
  const text = (key: string, type = 'text') => (
    <TextField
      size="small"
      type={type}
      label={translate(`app.channel_settings.email.${key}`)}
      value={v[key] ?? ''}
      onChange={(e) => setV({ ...v, [key]: type === 'number' ? Number(e.target.value) : e.target.value })}
    />
  );
  const flag = (key: string) => (
    <FormControlLabel
      control={<Checkbox checked={Boolean(v[key])} onChange={(e) => setV({ ...v, [key]: e.target.checked })} />}
      label={translate(`app.channel_settings.email.${key}`)}
    />
  );
  const save = () =>
    act(async () => {
      const { hasPassword, ...input } = v;
      const saved: any = await gql(
        `mutation($i: EmailSettingsInput!, $p: String) { updateEmailSettings(input: $i, password: $p) { ${EMAIL_FIELDS} } }`,
        { i: Object.fromEntries(Object.entries(input).filter(([, x]) => x !== '' && x !== null)), p: password || undefined },
      );
      setV(saved.updateEmailSettings);
      setPassword('');
    });
  return (
    <Card sx={{ mb: 2 }}>
      <CardHeader title={translate('app.channel_settings.email.title')} />
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', gap: 2 }}>
          {flag('enabled')}
          {text('host')}
          {text('port', 'number')}
          {flag('secure')}
          {flag('requireTls')}
          {flag('allowSelfSigned')}
          {text('user')}
          <TextField
            size="small"
            type="password"
            label={translate(v.hasPassword ? 'app.channel_settings.password_stored' : 'app.channel_settings.email.password')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password"
          />
          {text('from')}
          {text('fromName')}
          {text('intakeAddress')}
          {text('intakeType')}
        </Stack>
        <Button sx={{ mt: 2 }} variant="contained" onClick={save}>
          {translate('ra.action.save')}
        </Button>
      </CardContent>
    </Card>
  );
}

/** The SMS provider (generic HTTP adapter) and the quiet hours. */
function SmsSettings() {
  const translate = useTranslate();
  const act = useAction();
  const [v, setV] = useState<Values>({ enabled: true, format: 'generic', longMessages: 'concatenated' });
  const [secret, setSecret] = useState('');
  useEffect(() => {
    void gql(`{ smsSettings { ${SMS_FIELDS} } }`).then((d: any) => d.smsSettings && setV(d.smsSettings));
  }, []);
  const text = (key: string) => (
    <TextField
      size="small"
      label={translate(`app.channel_settings.sms.${key}`)}
      value={v[key] ?? ''}
      onChange={(e) => setV({ ...v, [key]: e.target.value })}
    />
  );
  const select = (key: string, options: string[]) => (
    <TextField
      select
      size="small"
      sx={{ minWidth: 160 }}
      label={translate(`app.channel_settings.sms.${key}`)}
      value={v[key] ?? ''}
      onChange={(e) => setV({ ...v, [key]: e.target.value })}
    >
      {options.map((o) => (
        <MenuItem key={o} value={o}>
          {translate(`app.channel_settings.sms.${key}_${o}`)}
        </MenuItem>
      ))}
    </TextField>
  );
  const quiet = v.quietHours ?? null;
  const save = () =>
    act(async () => {
      const { hasSecret, ...input } = v;
      const saved: any = await gql(
        `mutation($i: SmsSettingsInput!, $s: String) { updateSmsSettings(input: $i, secret: $s) { ${SMS_FIELDS} } }`,
        {
          i: {
            ...Object.fromEntries(Object.entries(input).filter(([, x]) => x !== '')),
            quietHours: quiet?.start && quiet?.end ? { start: quiet.start, end: quiet.end } : null,
          },
          s: secret || undefined,
        },
      );
      setV(saved.updateSmsSettings);
      setSecret('');
    });
  return (
    <Card sx={{ mb: 2 }}>
      <CardHeader title={translate('app.channel_settings.sms.title')} />
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', gap: 2 }}>
          <FormControlLabel
            control={<Switch checked={Boolean(v.enabled)} onChange={(e) => setV({ ...v, enabled: e.target.checked })} />}
            label={translate('app.channel_settings.sms.enabled')}
          />
          {text('endpoint')}
          {select('format', ['generic', 'aliyun', 'tencent'])}
          {text('accessKeyId')}
          {text('signName')}
          {select('longMessages', ['concatenated', 'split'])}
          <TextField
            size="small"
            type="password"
            label={translate(v.hasSecret ? 'app.channel_settings.password_stored' : 'app.channel_settings.sms.secret')}
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            autoComplete="new-password"
          />
          <TextField
            size="small"
            label={translate('app.channel_settings.sms.quiet_start')}
            placeholder="21:00"
            value={quiet?.start ?? ''}
            onChange={(e) => setV({ ...v, quietHours: { ...quiet, start: e.target.value } })}
          />
          <TextField
            size="small"
            label={translate('app.channel_settings.sms.quiet_end')}
            placeholder="08:00"
            value={quiet?.end ?? ''}
            onChange={(e) => setV({ ...v, quietHours: { ...quiet, end: e.target.value } })}
          />
        </Stack>
        <Button sx={{ mt: 2 }} variant="contained" onClick={save}>
          {translate('ra.action.save')}
        </Button>
      </CardContent>
    </Card>
  );
}

/** Webhook subscriptions: create (the secret is shown once), pause / re-enable (sends what waited), delete. */
function Webhooks() {
  const translate = useTranslate();
  const act = useAction();
  const [rows, setRows] = useState<any[]>([]);
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(['complaint.submitted']);
  const [secret, setSecret] = useState<string | null>(null);
  const load = async () =>
    setRows(
      ((await gql('{ webhookSubscriptions { id url events active consecutiveFailures disabledReason } }')) as any).webhookSubscriptions,
    );
  useEffect(() => {
    void load();
  }, []);
  return (
    <Card>
      <CardHeader title={translate('app.channel_settings.webhooks.title')} />
      <CardContent>
        {secret && (
          <Alert severity="warning" onClose={() => setSecret(null)} sx={{ mb: 2 }}>
            {translate('app.channel_settings.webhooks.secret_once')} <code>{secret}</code>
          </Alert>
        )}
        <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', gap: 1, mb: 2 }}>
          <TextField
            size="small"
            sx={{ minWidth: 320 }}
            label={translate('app.channel_settings.webhooks.url')}
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
          {WEBHOOK_EVENTS.map((e) => (
            <FormControlLabel
              key={e}
              label={
                <>
                  {translate(`app.notice_event.${e.replace('.', '_')}`, { _: e })} <code>{e}</code>
                </>
              }
              control={
                <Checkbox
                  size="small"
                  checked={events.includes(e)}
                  onChange={(x) => setEvents(x.target.checked ? [...events, e] : events.filter((y) => y !== e))}
                />
              }
            />
          ))}
          <Button
            variant="contained"
            onClick={() =>
              act(async () => {
                const created: any = await gql(
                  'mutation($i: WebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { secret } }',
                  { i: { url, events } },
                );
                setSecret(created.createWebhookSubscription.secret);
                setUrl('');
                await load();
              })
            }
          >
            {translate('app.channel_settings.webhooks.create')}
          </Button>
        </Stack>
        <Table size="small">
          <TableHead>
            <TableRow>
              {['url', 'events', 'state', ''].map((h) => (
                <TableCell key={h}>{h ? translate(`app.channel_settings.webhooks.${h}`) : ''}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id}>
                <TableCell>{row.url}</TableCell>
                <TableCell>{row.events.join(', ')}</TableCell>
                <TableCell>
                  {row.active
                    ? translate('app.channel_settings.webhooks.active')
                    : `${translate('app.channel_settings.webhooks.disabled')}: ${row.disabledReason ?? ''}`}
                </TableCell>
                <TableCell>
                  <Box sx={{ display: 'flex', gap: 1 }}>
                    <Button
                      size="small"
                      onClick={() =>
                        act(async () => {
                          await gql(
                            'mutation($id: ID!, $a: Boolean) { updateWebhookSubscription(id: $id, input: { active: $a }) { id } }',
                            { id: row.id, a: !row.active },
                          );
                          await load();
                        })
                      }
                    >
                      {translate(row.active ? 'app.channel_settings.webhooks.pause' : 'app.channel_settings.webhooks.enable')}
                    </Button>
                    <Button
                      size="small"
                      color="error"
                      onClick={() =>
                        window.confirm(translate('app.channel_settings.webhooks.confirm_delete')) &&
                        act(async () => {
                          await gql('mutation($id: ID!) { deleteWebhookSubscription(id: $id) }', { id: row.id });
                          await load();
                        })
                      }
                    >
                      {translate('ra.action.delete')}
                    </Button>
                  </Box>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}

export function ChannelSettingsPage() {
  const translate = useTranslate();
  return (
    <Box data-testid="channel-settings-page">
      <Title title={translate('app.channel_settings.title')} />
      <EmailSettings />
      <SmsSettings />
      <Webhooks />
    </Box>
  );
}
