import { Datagrid, DateField, FunctionField, List, NumberField, TextField, useListContext, useTranslate } from 'react-admin';
import { Chip } from '@mui/material';
import HistoryIcon from '@mui/icons-material/History';
import { ErrorNotice } from '../common/ListError';

const ListErrorFromContext = () => <ErrorNotice error={useListContext().error} />;

function Status({ status }: { status?: string }) {
  const translate = useTranslate();
  const color = status === 'published' ? 'success' : status === 'pending_approval' ? 'warning' : 'default';
  return <Chip size="small" color={color as any} label={translate(`app.version_status.${status}`, { _: status ?? '' })} />;
}

const LiveLabel = () => <>{useTranslate()('app.publishing.live')}</>;

/** Published, pending and rejected versions of the tenant's policy; the live one is marked. */
const PolicyVersionList = () => (
  <List
    perPage={50}
    sort={{ field: 'version', order: 'DESC' }}
    error={<ListErrorFromContext />}
    queryOptions={{ onError: () => undefined }}
    exporter={false}
  >
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <NumberField source="version" label="resources.policyVersions.fields.version" />
      <FunctionField
        label="resources.policyVersions.fields.status"
        render={(r: any) => (
          <>
            <Status status={r.status} />
            {/* The version deciding complaints now (after a rollback not necessarily the newest). */}
            {r.isCurrent && <Chip size="small" color="primary" sx={{ ml: 0.5 }} label={<LiveLabel />} data-testid="live-version" />}
          </>
        )}
      />
      <TextField source="note" label="resources.policyVersions.fields.note" />
      <DateField source="createdAt" showTime label="resources.policyVersions.fields.createdAt" />
      <DateField source="publishedAt" showTime label="resources.policyVersions.fields.publishedAt" />
      <NumberField source="rolledBackFrom" label="resources.policyVersions.fields.rolledBackFrom" />
    </Datagrid>
  </List>
);

export default { list: PolicyVersionList, icon: HistoryIcon };
