import { useState } from 'react';
import { gql, GraphQLRequestError } from '../graphql/client';
import { useLogin, useNotify, useTranslate, LocalesMenuButton } from 'react-admin';
import { Avatar, Box, Button, Card, CardContent, CircularProgress, TextField, Typography } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';

interface TenantChoice {
  slug: string;
  name: string;
  role: string;
}

/**
 * Sign-in with the API's `login(email, password, tenant?)`; the language can be switched before signing in. The tenant
 * slug is optional: when the e-mail belongs to several tenants the API answers TENANT_CHOICE_REQUIRED with the tenants
 * the password opened, and the person picks one here. Not remembered between visits: a stale slug would turn a right
 * password for another tenant into INVALID_CREDENTIALS.
 */
export const LoginPage = () => {
  const translate = useTranslate();
  const login = useLogin();
  const notify = useNotify();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [loading, setLoading] = useState(false);
  // Shown once the API asks for the second factor (after a right password).
  const [needsCode, setNeedsCode] = useState(false);
  const [code, setCode] = useState('');
  const [tenant, setTenant] = useState('');
  const [choices, setChoices] = useState<TenantChoice[]>([]);

  const signIn = async (slug: string) => {
    setLoading(true);
    try {
      await login({ email, password, code: needsCode ? code : undefined, tenant: slug });
    } catch (error) {
      if (error instanceof GraphQLRequestError && error.reason === 'SECOND_FACTOR_REQUIRED') setNeedsCode(true);
      if (error instanceof GraphQLRequestError && error.reason === 'TENANT_CHOICE_REQUIRED') {
        setChoices((error.details.tenants as TenantChoice[] | undefined) ?? []);
        return;
      }
      notify((error as Error).message || 'ra.auth.sign_in_error', { type: 'error' });
    } finally {
      setLoading(false);
    }
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    void signIn(tenant);
  };

  const choose = (slug: string) => {
    setTenant(slug);
    setChoices([]);
    void signIn(slug);
  };

  const singleSignOn = async () => {
    try {
      const data = await gql<{ beginSsoLogin: string }>('mutation ConsoleSsoBegin($t: String!) { beginSsoLogin(tenant: $t) }', {
        t: tenant,
      });
      window.location.assign(data.beginSsoLogin);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
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
      <Card sx={{ width: 380 }}>
        <Box sx={{ display: 'flex', justifyContent: 'flex-end', p: 1 }}>
          <LocalesMenuButton />
        </Box>
        <CardContent component="form" onSubmit={submit} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
            <Avatar sx={{ bgcolor: 'secondary.main' }}>
              <LockIcon />
            </Avatar>
            <div>
              <Typography variant="h6">{translate('app.login.title')}</Typography>
              <Typography variant="body2" color="text.secondary">
                {translate('app.login.subtitle')}
              </Typography>
            </div>
          </Box>
          <TextField
            label={translate('app.login.email')}
            name="email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
            autoFocus
          />
          <TextField
            label={translate('app.login.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
          {choices.length > 0 && (
            <Box data-testid="tenant-choice" sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
              <Typography variant="body2">{translate('app.access.choose_tenant')}</Typography>
              {choices.map((choice) => (
                <Button key={choice.slug} variant="outlined" onClick={() => choose(choice.slug)} sx={{ justifyContent: 'space-between' }}>
                  <span>{choice.name}</span>
                  <Typography variant="caption" component="span">
                    {translate(`app.roles.${choice.role}`, { _: choice.role })}
                  </Typography>
                </Button>
              ))}
            </Box>
          )}
          {needsCode && (
            <TextField
              label={translate('app.access.code')}
              name="code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              helperText={translate('app.access.code_required')}
              autoComplete="one-time-code"
              required
              autoFocus
            />
          )}
          <Button type="submit" variant="contained" disabled={loading} startIcon={loading ? <CircularProgress size={16} /> : null}>
            {translate('app.login.submit')}
          </Button>
          <Box sx={{ display: 'flex', gap: 1 }}>
            <TextField
              size="small"
              name="tenant"
              label={translate('app.access.tenant_slug')}
              value={tenant}
              onChange={(e) => setTenant(e.target.value)}
              helperText={translate('app.access.tenant_slug_hint')}
              sx={{ flex: 1 }}
            />
            <Button variant="outlined" onClick={singleSignOn} disabled={!tenant.trim()}>
              {translate('app.access.sso_login')}
            </Button>
          </Box>
          <Typography variant="caption" color="text.secondary">
            {translate('app.login.demo_hint')}
          </Typography>
        </CardContent>
      </Card>
    </Box>
  );
};
