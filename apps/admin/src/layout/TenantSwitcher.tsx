import { useEffect, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Menu, MenuItem, TextField, Typography } from '@mui/material';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { gql, GraphQLRequestError, tokenStore } from '../graphql/client';
import { SESSION_FIELDS, startSession, userStore, type ConsoleSession } from '../authProvider';

interface MyTenant {
  tenantId: string;
  slug: string;
  name: string;
  role: string;
  current: boolean;
}

const SWITCH = `mutation ConsoleSwitchTenant($id: ID!, $code: String) { switchTenant(tenantId: $id, code: $code) ${SESSION_FIELDS} }`;

/**
 * The tenant name in the app bar; a menu of the person's other tenants when the sign-in opened several (myTenants).
 * Switching replaces the session with one for the chosen tenant (that membership's role and second factor apply) and
 * reloads the console, so nothing of the previous tenant stays on screen.
 */
export const TenantSwitcher = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [tenants, setTenants] = useState<MyTenant[]>([]);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [pending, setPending] = useState<MyTenant | null>(null);
  const [code, setCode] = useState('');
  const name = userStore.get()?.tenant?.name;

  useEffect(() => {
    if (!tokenStore.get()) return;
    gql<{ myTenants: MyTenant[] }>('query ConsoleMyTenants { myTenants { tenantId slug name role current } }')
      .then((data) => setTenants(data.myTenants))
      .catch(() => setTenants([]));
  }, []);

  const switchTo = async (tenant: MyTenant, secondFactor?: string) => {
    setAnchor(null);
    try {
      const data = await gql<{ switchTenant: ConsoleSession }>(SWITCH, { id: tenant.tenantId, code: secondFactor || null });
      const home = startSession(data.switchTenant);
      window.location.hash = `#${home}`;
      window.location.reload();
    } catch (error) {
      if (error instanceof GraphQLRequestError && error.reason === 'SECOND_FACTOR_REQUIRED') {
        setPending(tenant);
        return;
      }
      notify((error as Error).message, { type: 'error' });
    }
  };

  if (tenants.length < 2) {
    return (
      <Typography variant="body2" sx={{ mr: 2, opacity: 0.85 }} data-testid="tenant-name">
        {name}
      </Typography>
    );
  }
  return (
    <>
      <Button
        color="inherit"
        size="small"
        endIcon={<SwapHorizIcon />}
        onClick={(e) => setAnchor(e.currentTarget)}
        data-testid="tenant-name"
        title={translate('app.access.switch_tenant')}
        sx={{ mr: 1, textTransform: 'none' }}
      >
        {name}
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {tenants.map((tenant) => (
          <MenuItem key={tenant.tenantId} selected={tenant.current} disabled={tenant.current} onClick={() => void switchTo(tenant)}>
            {tenant.name}
            <Typography variant="caption" color="text.secondary" sx={{ ml: 1 }}>
              {translate(`app.roles.${tenant.role}`, { _: tenant.role })}
            </Typography>
          </MenuItem>
        ))}
      </Menu>
      <Dialog open={Boolean(pending)} onClose={() => setPending(null)}>
        <DialogTitle>
          {translate('app.access.switch_tenant')}: {pending?.name}
        </DialogTitle>
        <DialogContent>
          <TextField
            label={translate('app.access.code')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            helperText={translate('app.access.code_required')}
            autoComplete="one-time-code"
            autoFocus
            fullWidth
            sx={{ mt: 1 }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setPending(null)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={() => pending && void switchTo(pending, code)}>
            {translate('app.access.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
