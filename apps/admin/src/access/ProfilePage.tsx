import { useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { Alert, Box, Button, Card, CardContent, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { gql } from '../graphql/client';
import { SESSION_FIELDS, startSession, userStore, type ConsoleSession } from '../authProvider';

const SECOND_FACTOR_ROLES = ['admin', 'manager'];

/** The signed-in person's own settings: password and (for admins and managers) the TOTP second factor. */
export default function ProfilePage() {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, p: 2, maxWidth: 640 }}>
      <Title title={translate('app.access.profile')} />
      <ChangePassword />
      <SecondFactor />
    </Box>
  );
}

function ChangePassword() {
  const translate = useTranslate();
  const notify = useNotify();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const data = await gql<{ changePassword: ConsoleSession }>(
        `mutation ConsoleChangePassword($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) ${SESSION_FIELDS} }`,
        { c: current, n: next },
      );
      // Other sessions ended; this one continues with the fresh token.
      startSession(data.changePassword);
      setCurrent('');
      setNext('');
      notify('app.access.password_changed', { type: 'success' });
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <Card>
      <CardContent component="form" onSubmit={submit} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography variant="h6">{translate('app.access.change_password')}</Typography>
        {error && <Alert severity="error">{error}</Alert>}
        <TextField
          type="password"
          label={translate('app.access.current_password')}
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          required
          autoComplete="current-password"
        />
        <TextField
          type="password"
          label={translate('app.access.new_password')}
          value={next}
          onChange={(e) => setNext(e.target.value)}
          required
          autoComplete="new-password"
          helperText={translate('app.access.password_hint')}
        />
        <Button type="submit" variant="contained" sx={{ alignSelf: 'flex-start' }}>
          {translate('ra.action.save')}
        </Button>
      </CardContent>
    </Card>
  );
}

function SecondFactor() {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const { data } = useQuery({
    queryKey: ['me-second-factor'],
    queryFn: () => gql<{ me: { totpEnabled: boolean } }>('query ConsoleMe2fa { me { totpEnabled } }'),
  });
  const [setup, setSetup] = useState<{ secret: string; uri: string } | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [recovery, setRecovery] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const role = userStore.get()?.role ?? '';
  const attempt = async (fn: () => Promise<void>) => {
    setError(null);
    try {
      await fn();
      await queryClient.invalidateQueries({ queryKey: ['me-second-factor'] });
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const begin = () =>
    attempt(async () => setSetup((await gql('mutation ConsoleBegin2fa { beginSecondFactorSetup { secret uri } }')).beginSecondFactorSetup));
  const confirm = () =>
    attempt(async () => {
      setRecovery(
        (await gql('mutation ConsoleConfirm2fa($code: String!) { confirmSecondFactor(code: $code) }', { code })).confirmSecondFactor,
      );
      setSetup(null);
      setCode('');
    });
  const disable = () =>
    attempt(async () => {
      await gql('mutation ConsoleDisable2fa($password: String!) { disableSecondFactor(password: $password) }', { password });
      setPassword('');
    });
  return (
    <Card>
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography variant="h6">{translate('app.access.second_factor')}</Typography>
        {error && <Alert severity="error">{error}</Alert>}
        {!SECOND_FACTOR_ROLES.includes(role) ? (
          <Typography variant="body2">{translate('app.access.second_factor_roles')}</Typography>
        ) : data?.me.totpEnabled ? (
          <>
            <Alert severity="success">{translate('app.access.second_factor_on')}</Alert>
            <TextField
              type="password"
              label={translate('app.access.current_password')}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <Button variant="outlined" color="error" onClick={disable} sx={{ alignSelf: 'flex-start' }}>
              {translate('app.access.disable_second_factor')}
            </Button>
          </>
        ) : setup ? (
          <>
            <Typography variant="body2">
              {translate('app.access.second_factor_secret')} <code data-testid="totp-secret">{setup.secret}</code>
            </Typography>
            <Typography variant="body2" sx={{ wordBreak: 'break-all' }}>
              {translate('app.access.second_factor_uri')} <code>{setup.uri}</code>
            </Typography>
            <TextField
              label={translate('app.access.code')}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            />
            <Button variant="contained" onClick={confirm} sx={{ alignSelf: 'flex-start' }}>
              {translate('app.access.confirm')}
            </Button>
          </>
        ) : (
          <>
            <Typography variant="body2">{translate('app.access.second_factor_off')}</Typography>
            <Button variant="contained" onClick={begin} sx={{ alignSelf: 'flex-start' }}>
              {translate('app.access.enable_second_factor')}
            </Button>
          </>
        )}
        {recovery && (
          <Alert severity="warning">
            <b>{translate('app.access.recovery_title')}</b> — {translate('app.access.recovery_once')}
            <pre data-testid="recovery-codes">{recovery.join('\n')}</pre>
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}
