import { useState } from 'react';
import {
  BooleanField,
  Confirm,
  Create,
  Datagrid,
  DateField,
  Edit,
  EmailField,
  FunctionField,
  List,
  SaveButton,
  SearchInput,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  Toolbar,
  email,
  required,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import PeopleIcon from '@mui/icons-material/People';
import { useNavigate } from 'react-router-dom';
import { callOperation } from '../graphql/schema';

/** Roles an admin may give a person (API clients get tokens, not accounts). */
export const PERSON_ROLES = ['admin', 'manager', 'handler', 'agent', 'analyst', 'expert', 'auditor'];
const roleChoices = PERSON_ROLES.map((id) => ({ id, name: `app.roles.${id}` }));

function RoleName({ role }: { role: string }) {
  return <>{useTranslate()(`app.roles.${role}`, { _: role })}</>;
}

/** Active, deactivated, or invited and not yet signed up. */
function Status({ record }: { record: any }) {
  const translate = useTranslate();
  if (!record.active) return <Chip size="small" label={translate('app.access.inactive')} />;
  if (record.invitationPending) return <Chip size="small" color="warning" label={translate('app.access.pending')} />;
  return <Chip size="small" color="success" label={translate('app.access.active')} />;
}

/** Team keys typed as "a, b" and kept as a list. */
const teamsInput = (
  <TextInput
    source="teams"
    label="app.access.teams"
    format={(v: string[] | undefined) => (v ?? []).join(', ')}
    parse={(s: string) => s.split(/[,，\s]+/).filter(Boolean)}
  />
);

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="app.access.search" />,
  <SelectInput key="role" source="role" label="resources.users.fields.role" choices={roleChoices} />,
  <SelectInput
    key="active"
    source="active"
    label="app.access.status"
    choices={[
      { id: 'true', name: 'app.access.active' },
      { id: 'false', name: 'app.access.inactive' },
    ]}
  />,
];

/** The tenant's people: invite, edit role and teams, deactivate, reset a password. */
const UserList = () => (
  <List exporter={false} perPage={100} sort={{ field: 'email', order: 'ASC' }} filters={filters}>
    <Datagrid bulkActionButtons={false} rowClick="edit">
      <TextField source="displayName" label="resources.users.fields.displayName" />
      <EmailField source="email" label="resources.users.fields.email" />
      <FunctionField label="resources.users.fields.role" render={(r: any) => <RoleName role={r.role} />} />
      <FunctionField label="resources.users.fields.teams" render={(r: any) => (r.teams ?? []).join(', ')} />
      <FunctionField label="app.access.status" render={(r: any) => <Status record={r} />} />
      <BooleanField source="totpEnabled" label="resources.users.fields.totpEnabled" />
      <DateField source="lastLoginAt" showTime label="resources.users.fields.lastLoginAt" />
    </Datagrid>
  </List>
);

export interface LinkResult {
  delivered: boolean;
  link: string | null;
  expiresAt: string;
}

/** The one-time link after an invitation or reset: e-mailed, or shown once to pass on. */
export function LinkDialog({ result, onClose }: { result: LinkResult | null; onClose: () => void }) {
  const translate = useTranslate();
  return (
    <Dialog open={!!result} onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{translate('app.access.link_title')}</DialogTitle>
      <DialogContent>
        {result?.delivered ? (
          <Alert severity="success">{translate('app.access.link_sent')}</Alert>
        ) : (
          <>
            <Alert severity="warning" sx={{ mb: 2 }}>
              {translate('app.access.link_copy', { expires: result ? new Date(result.expiresAt).toLocaleString() : '' })}
            </Alert>
            <code style={{ wordBreak: 'break-all' }} data-testid="access-link">
              {result?.link}
            </code>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}

function UserCreate() {
  const navigate = useNavigate();
  const [result, setResult] = useState<LinkResult | null>(null);
  return (
    <>
      <Create title="app.access.invite_title" redirect={false} mutationOptions={{ onSuccess: (data: any) => setResult(data) }}>
        <SimpleForm
          toolbar={
            <Toolbar>
              <SaveButton label="app.access.invite" />
            </Toolbar>
          }
        >
          <TextInput source="email" label="resources.users.fields.email" validate={[required(), email()]} />
          <TextInput source="displayName" label="resources.users.fields.displayName" validate={required()} />
          <SelectInput source="role" label="resources.users.fields.role" choices={roleChoices} defaultValue="agent" validate={required()} />
          {teamsInput}
          <TextInput source="departmentId" label="app.access.department" />
        </SimpleForm>
      </Create>
      <LinkDialog result={result} onClose={() => navigate('/users')} />
    </>
  );
}

/** Deactivate / reactivate, password reset and second-factor reset for the person being edited. */
function UserActions() {
  const record = useRecordContext<any>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [confirm, setConfirm] = useState<'deactivate' | 'secondFactor' | null>(null);
  const [result, setResult] = useState<LinkResult | null>(null);
  if (!record) return null;
  const run = async (operation: string) => {
    try {
      await callOperation('mutation', operation, { id: record.id }, { selection: operation === 'resetUserSecondFactor' ? '' : '{ id }' });
      notify('app.notice.done', { type: 'success' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setConfirm(null);
    }
  };
  const reset = async () => {
    try {
      setResult(
        await callOperation<LinkResult>(
          'mutation',
          'requestPasswordReset',
          { id: record.id },
          { selection: '{ delivered link expiresAt }' },
        ),
      );
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <Box sx={{ display: 'flex', gap: 1, px: 2, pb: 2 }}>
      {record.active ? (
        <Button color="error" variant="outlined" onClick={() => setConfirm('deactivate')} data-testid="deactivate-user">
          {translate('app.access.deactivate')}
        </Button>
      ) : (
        <Button variant="outlined" onClick={() => run('reactivateUser')}>
          {translate('app.access.reactivate')}
        </Button>
      )}
      <Button variant="outlined" onClick={reset} data-testid="reset-password">
        {translate('app.access.reset_password')}
      </Button>
      {record.totpEnabled && (
        <Button variant="outlined" onClick={() => setConfirm('secondFactor')}>
          {translate('app.access.reset_second_factor')}
        </Button>
      )}
      <Confirm
        isOpen={confirm === 'deactivate'}
        title="app.access.deactivate"
        content="app.access.confirm_deactivate"
        translateOptions={{ name: record.displayName }}
        onConfirm={() => run('deactivateUser')}
        onClose={() => setConfirm(null)}
      />
      <Confirm
        isOpen={confirm === 'secondFactor'}
        title="app.access.reset_second_factor"
        content="app.access.confirm_reset_second_factor"
        translateOptions={{ name: record.displayName }}
        onConfirm={() => run('resetUserSecondFactor')}
        onClose={() => setConfirm(null)}
      />
      <LinkDialog result={result} onClose={() => setResult(null)} />
    </Box>
  );
}

function UserEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <SimpleForm
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
      >
        <TextInput source="email" label="resources.users.fields.email" disabled />
        <TextInput source="displayName" label="resources.users.fields.displayName" validate={required()} />
        <SelectInput source="role" label="resources.users.fields.role" choices={roleChoices} validate={required()} />
        {teamsInput}
        <TextInput source="departmentId" label="app.access.department" />
      </SimpleForm>
      <UserActions />
    </Edit>
  );
}

export default { list: UserList, create: UserCreate, edit: UserEdit, icon: PeopleIcon, recordRepresentation: 'email' };
