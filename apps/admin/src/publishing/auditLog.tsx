import { Datagrid, DateField, FunctionField, List, TextField, useListContext } from 'react-admin';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { ErrorNotice } from '../common/ListError';

const ListErrorFromContext = () => <ErrorNotice error={useListContext().error} />;

/** Who changed what in the policy and when. */
const AuditLogList = () => (
  <List perPage={50} sort={{ field: 'at', order: 'DESC' }} error={<ListErrorFromContext />} queryOptions={{ onError: () => undefined }}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <DateField source="at" showTime label="resources.auditLog.fields.at" />
      <TextField source="action" label="resources.auditLog.fields.action" />
      <TextField source="entity" label="resources.auditLog.fields.entity" />
      <TextField source="entityKey" label="resources.auditLog.fields.entityKey" />
      <FunctionField label="resources.auditLog.fields.actor" render={(r: any) => r.actorEmail ?? r.actor ?? r.userId ?? ''} />
    </Datagrid>
  </List>
);

export default { list: AuditLogList, icon: FactCheckIcon };
