import { useState } from 'react';
import { useNotify, useTranslate, LocalesMenuButton } from 'react-admin';
import { Alert, Box, Button, Card, CardContent, TextField, Typography } from '@mui/material';
import { useLocation, useSearchParams } from 'react-router-dom';
import { gql } from '../graphql/client';
import { SESSION_FIELDS, startSession, type ConsoleSession } from '../authProvider';

/** Starts the console afresh at `route` with the new credentials (a hash change alone would keep react-admin's signed-out state). */
function openConsoleAt(route: string) {
  window.history.replaceState(null, '', `/#${route}`);
  window.location.reload();
}

/**
 * Opened from an invitation or password-reset link (no sign-in needed): sets the password with the link's
 * single-use token and signs the person in.
 */
export function SetPasswordPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const [params] = useSearchParams();
  const invitation = useLocation().pathname.startsWith('/accept-invitation');
  const token = params.get('token');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const operation = invitation ? 'acceptInvitation' : 'resetPassword';

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (password !== again) {
      setError(translate('app.access.password_mismatch'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const data = await gql<Record<string, ConsoleSession>>(
        `mutation ConsoleSetPassword($token: String!, $password: String!) { ${operation}(token: $token, password: $password) ${SESSION_FIELDS} }`,
        { token, password },
      );
      openConsoleAt(startSession(data[operation]));
    } catch (failure) {
      setError((failure as Error).message);
      notify((failure as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box
      sx={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(135deg, #1f4e79, #3c7dbf)',
      }}
    >
      <Card sx={{ width: 420 }}>
        <Box sx={{ display: 'flex', justifyContent: 'flex-end', p: 1 }}>
          <LocalesMenuButton />
        </Box>
        <CardContent component="form" onSubmit={submit} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Typography variant="h6">
            {translate(invitation ? 'app.access.set_password_invitation' : 'app.access.set_password_reset')}
          </Typography>
          {!token && <Alert severity="error">{translate('app.access.missing_token')}</Alert>}
          {error && (
            <Alert severity="error" data-testid="set-password-error">
              {error}
            </Alert>
          )}
          <TextField
            label={translate('app.access.new_password')}
            type="password"
            name="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            helperText={translate('app.access.password_hint')}
          />
          <TextField
            label={translate('app.access.confirm_password')}
            type="password"
            name="password2"
            autoComplete="new-password"
            required
            value={again}
            onChange={(e) => setAgain(e.target.value)}
          />
          <Button type="submit" variant="contained" disabled={busy || !token}>
            {translate('app.access.save_password')}
          </Button>
        </CardContent>
      </Card>
    </Box>
  );
}

/** The identity provider redirected the browser to /sso/callback; main.tsx moves it here with the query intact. */
export function SsoCallbackPage() {
  const translate = useTranslate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [started, setStarted] = useState(false);
  if (!started) {
    setStarted(true);
    const callbackUrl = `${window.location.origin}/sso/callback?${params.toString()}`;
    gql<{ completeSsoLogin: ConsoleSession }>(
      `mutation ConsoleSso($callbackUrl: String!) { completeSsoLogin(callbackUrl: $callbackUrl) ${SESSION_FIELDS} }`,
      { callbackUrl },
    ).then(
      (data) => openConsoleAt(startSession(data.completeSsoLogin)),
      (failure) => setError((failure as Error).message),
    );
  }
  return (
    <Box sx={{ p: 4 }}>
      {error ? (
        <Alert severity="error">
          <b>{translate('app.access.sso_failed')}</b>: {error}
        </Alert>
      ) : (
        <Typography>{translate('app.access.sso_callback')}</Typography>
      )}
    </Box>
  );
}
