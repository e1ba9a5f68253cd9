import { Datagrid, DateField, FunctionField, List, TextField, useListContext, useTranslate } from 'react-admin';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { ErrorNotice } from '../common/ListError';

const ListErrorFromContext = () => <ErrorNotice error={useListContext().error} />;

export interface AuditRow {
  actorId?: string | null;
  actorEmail?: string | null;
  actorName?: string | null;
}

/** Who made the change, as the API resolves it: a user's e-mail, an API token's name, else the system. */
export function auditActor(row: AuditRow): string | null {
  if (row.actorEmail) return row.actorName ? `${row.actorName}（${row.actorEmail}）` : row.actorEmail;
  if (row.actorName) return row.actorName;
  return row.actorId ?? null;
}

const Actor = ({ record }: { record: AuditRow }) => {
  const translate = useTranslate();
  return <span data-testid="audit-actor">{auditActor(record) ?? translate('resources.auditLog.system')}</span>;
};

/** Who changed what in the policy and when (the API's `createdAt`, `actorEmail` / `actorName`). */
const AuditLogList = () => (
  <List
    perPage={50}
    sort={{ field: 'createdAt', order: 'DESC' }}
    error={<ListErrorFromContext />}
    queryOptions={{ onError: () => undefined }}
  >
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <DateField source="createdAt" showTime label="resources.auditLog.fields.at" />
      <TextField source="action" label="resources.auditLog.fields.action" />
      <TextField source="entity" label="resources.auditLog.fields.entity" />
      <TextField source="entityKey" label="resources.auditLog.fields.entityKey" />
      <FunctionField label="resources.auditLog.fields.actor" render={(r: AuditRow) => <Actor record={r} />} />
    </Datagrid>
  </List>
);

export default { list: AuditLogList, icon: FactCheckIcon };
