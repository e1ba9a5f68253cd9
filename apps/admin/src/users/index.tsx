import { Datagrid, EmailField, FunctionField, List, TextField, useTranslate } from 'react-admin';
import PeopleIcon from '@mui/icons-material/People';

function RoleName({ role }: { role: string }) {
  return <>{useTranslate()(`app.roles.${role}`, { _: role })}</>;
}

/** The tenant's people (user accounts); departments and teams refer to them by e-mail. */
const UserList = () => (
  <List exporter={false} perPage={100} sort={{ field: 'email', order: 'ASC' }}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <TextField source="displayName" label="resources.users.fields.displayName" />
      <EmailField source="email" label="resources.users.fields.email" />
      <FunctionField label="resources.users.fields.role" render={(r: any) => <RoleName role={r.role} />} />
    </Datagrid>
  </List>
);

export default { list: UserList, icon: PeopleIcon, recordRepresentation: 'email' };
