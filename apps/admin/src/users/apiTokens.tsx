import { useState } from 'react';
import {
  Create,
  Datagrid,
  DateField,
  DateTimeInput,
  DeleteButton,
  FunctionField,
  List,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  required,
  useTranslate,
} from 'react-admin';
import { Alert, Dialog, DialogContent, DialogTitle, DialogActions, Button } from '@mui/material';
import KeyIcon from '@mui/icons-material/Key';
import { useNavigate } from 'react-router-dom';

const ROLES = ['api_client', 'agent', 'analyst', 'auditor'];

/** API tokens for the call-center system, CRM or the regulator's reporting: the secret is shown once. */
const ApiTokenList = () => (
  <List exporter={false} perPage={100}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <TextField source="name" label="resources.apiTokens.fields.name" />
      <FunctionField label="resources.apiTokens.fields.role" render={(r: any) => <RoleText role={r.role} />} />
      <TextField source="prefix" label="resources.apiTokens.fields.prefix" />
      <DateField source="createdAt" showTime label="resources.apiTokens.fields.createdAt" />
      <DateField source="revokedAt" showTime label="resources.apiTokens.fields.revokedAt" />
      <DateField source="expiresAt" showTime label="resources.apiTokens.fields.expiresAt" />
      <DateField source="lastUsedAt" showTime label="resources.apiTokens.fields.lastUsedAt" />
      <DeleteButton label="app.tokens.revoke" mutationMode="pessimistic" />
    </Datagrid>
  </List>
);

function RoleText({ role }: { role: string }) {
  return <>{useTranslate()(`app.roles.${role}`, { _: role })}</>;
}

function ApiTokenCreate() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <>
      <Create mutationOptions={{ onSuccess: (data: any) => setSecret(data.secret) }} redirect={false}>
        <SimpleForm>
          <TextInput source="name" label="resources.apiTokens.fields.name" validate={required()} />
          <SelectInput
            source="role"
            label="resources.apiTokens.fields.role"
            validate={required()}
            defaultValue="api_client"
            choices={ROLES.map((id) => ({ id, name: `app.roles.${id}` }))}
          />
          <DateTimeInput source="expiresAt" label="resources.apiTokens.fields.expiresAt" />
        </SimpleForm>
      </Create>
      <Dialog open={!!secret}>
        <DialogTitle>{translate('app.tokens.secret_title')}</DialogTitle>
        <DialogContent>
          <Alert severity="warning" sx={{ mb: 2 }}>
            {translate('app.tokens.secret_once')}
          </Alert>
          <code style={{ wordBreak: 'break-all' }} data-testid="token-secret">
            {secret}
          </code>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => navigate('/apiTokens')}>{translate('ra.action.close')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

export default { list: ApiTokenList, create: ApiTokenCreate, icon: KeyIcon };
