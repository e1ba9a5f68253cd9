import { useEffect, useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { Alert, Box, Button, Card, CardContent, FormControlLabel, MenuItem, Switch, TextField, Typography } from '@mui/material';
import { gql } from '../graphql/client';
import { PERSON_ROLES } from '../users';

interface TenantForm {
  name: string;
  timeZone: string;
  locale: string;
  numberPattern: string;
}
interface SsoForm {
  enabled: boolean;
  issuer: string;
  clientId: string;
  clientSecret: string;
  defaultRole: string;
  autoProvision: boolean;
  redirectUri?: string;
}

/** The tenant admin's settings: name, time zone, language, complaint numbers, and OpenID Connect sign-on. */
export default function TenantSettingsPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const [tenant, setTenant] = useState<TenantForm | null>(null);
  const [sso, setSso] = useState<SsoForm>({
    enabled: false,
    issuer: '',
    clientId: '',
    clientSecret: '',
    defaultRole: 'agent',
    autoProvision: false,
  });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    gql<{ currentTenant: TenantForm; ssoSettings: Omit<SsoForm, 'clientSecret'> | null }>(
      'query ConsoleTenant { currentTenant { name timeZone locale numberPattern } ssoSettings { enabled issuer clientId defaultRole autoProvision redirectUri } }',
    ).then(
      (data) => {
        setTenant(data.currentTenant);
        if (data.ssoSettings) setSso({ ...data.ssoSettings, clientSecret: '' });
      },
      (failure) => setError((failure as Error).message),
    );
  }, []);

  const save = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      notify('app.access.saved', { type: 'success' });
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const saveTenant = () =>
    save(() => gql('mutation ConsoleTenantSave($i: TenantSettingsInput!) { updateTenant(input: $i) { id } }', { i: tenant }));
  const saveSso = () =>
    save(async () => {
      const { redirectUri: _uri, clientSecret, ...rest } = sso;
      const data = await gql('mutation ConsoleSsoSave($i: SsoSettingsInput!) { updateSsoSettings(input: $i) { redirectUri } }', {
        i: { ...rest, ...(clientSecret ? { clientSecret } : {}) },
      });
      setSso({ ...sso, clientSecret: '', redirectUri: data.updateSsoSettings.redirectUri });
    });

  if (!tenant)
    return error ? (
      <Alert severity="error" sx={{ m: 2 }}>
        {error}
      </Alert>
    ) : null;
  const field = (key: keyof TenantForm, label: string, extra: Record<string, unknown> = {}) => (
    <TextField label={translate(label)} value={tenant[key]} onChange={(e) => setTenant({ ...tenant, [key]: e.target.value })} {...extra} />
  );
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, p: 2, maxWidth: 640 }}>
      <Title title={translate('app.access.tenant_settings')} />
      {error && (
        <Alert severity="error" data-testid="tenant-settings-error">
          {error}
        </Alert>
      )}
      <Card>
        <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Typography variant="h6">{translate('app.access.tenant_settings')}</Typography>
          {field('name', 'app.access.tenant_name')}
          {field('timeZone', 'app.access.time_zone', { helperText: 'Asia/Shanghai' })}
          <TextField
            select
            label={translate('app.access.locale')}
            value={tenant.locale}
            onChange={(e) => setTenant({ ...tenant, locale: e.target.value })}
          >
            <MenuItem value="zh-CN">简体中文</MenuItem>
            <MenuItem value="en">English</MenuItem>
          </TextField>
          {field('numberPattern', 'app.access.number_pattern', { helperText: translate('app.access.number_pattern_help') })}
          <Button variant="contained" onClick={saveTenant} sx={{ alignSelf: 'flex-start' }}>
            {translate('ra.action.save')}
          </Button>
        </CardContent>
      </Card>
      <Card>
        <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Typography variant="h6">{translate('app.access.sso')}</Typography>
          <FormControlLabel
            control={<Switch checked={sso.enabled} onChange={(e) => setSso({ ...sso, enabled: e.target.checked })} />}
            label={translate('app.access.sso_enabled')}
          />
          <TextField
            label={translate('app.access.issuer')}
            value={sso.issuer}
            onChange={(e) => setSso({ ...sso, issuer: e.target.value })}
          />
          <TextField
            label={translate('app.access.client_id')}
            value={sso.clientId}
            onChange={(e) => setSso({ ...sso, clientId: e.target.value })}
          />
          <TextField
            type="password"
            label={translate('app.access.client_secret')}
            value={sso.clientSecret}
            onChange={(e) => setSso({ ...sso, clientSecret: e.target.value })}
          />
          <TextField
            select
            label={translate('app.access.default_role')}
            value={sso.defaultRole}
            onChange={(e) => setSso({ ...sso, defaultRole: e.target.value })}
          >
            {PERSON_ROLES.filter((role) => role !== 'admin').map((role) => (
              <MenuItem key={role} value={role}>
                {translate(`app.roles.${role}`)}
              </MenuItem>
            ))}
          </TextField>
          <FormControlLabel
            control={<Switch checked={sso.autoProvision} onChange={(e) => setSso({ ...sso, autoProvision: e.target.checked })} />}
            label={translate('app.access.auto_provision')}
          />
          {sso.redirectUri && <Typography variant="body2">{translate('app.access.redirect_uri', { uri: sso.redirectUri })}</Typography>}
          <Button variant="contained" onClick={saveSso} sx={{ alignSelf: 'flex-start' }}>
            {translate('ra.action.save')}
          </Button>
        </CardContent>
      </Card>
    </Box>
  );
}
