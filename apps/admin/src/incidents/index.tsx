import {
  ArrayField,
  Datagrid,
  DateField,
  FunctionField,
  List,
  NumberField,
  Show,
  SimpleShowLayout,
  TextField,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Button, Chip } from '@mui/material';
import WavesIcon from '@mui/icons-material/Waves';
import { Link } from 'react-router-dom';
import { callOperation } from '../graphql/schema';
import { IncidentActions } from './IncidentActions';

function StateChip({ state }: { state?: string }) {
  const translate = useTranslate();
  if (!state) return null;
  const color = state === 'open' ? 'warning' : state === 'resolved' ? 'info' : 'default';
  return <Chip size="small" color={color as any} label={translate(`app.incidents.state.${state}`, { _: state })} />;
}

/** Takes one member out of the incident; it goes on alone and the rule will not group it again. */
function ReleaseButton({ incidentId }: { incidentId: string }) {
  const member = useRecordContext<any>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!member || member.releasedAt) return null;
  return (
    <Button
      size="small"
      onClick={async () => {
        try {
          await callOperation('mutation', 'releaseIncidentMembers', { id: incidentId, complaintIds: [member.complaintId] }, { depth: 1 });
          refresh();
        } catch (error) {
          notify((error as Error).message, { type: 'error' });
        }
      }}
    >
      {translate('app.incidents.release')}
    </Button>
  );
}

function Members() {
  const record = useRecordContext<any>();
  const translate = useTranslate();
  if (!record) return null;
  const open = record.state === 'open' || record.state === 'resolved';
  return (
    <ArrayField source="members" label="resources.incidents.fields.members">
      <Datagrid bulkActionButtons={false} rowClick={false} data-testid="incident-members">
        <FunctionField
          label="resources.complaints.fields.number"
          render={(m: any) => <Link to={`/complaints/${m.complaintId}/show`}>{m.number}</Link>}
        />
        <FunctionField label="resources.complaints.fields.state" render={(m: any) => translate(`app.enum.${m.state}`, { _: m.state })} />
        <FunctionField label="resources.complaints.fields.severity" render={(m: any) => m.severity} />
        <DateField source="receivedAt" showTime label="resources.complaints.fields.receivedAt" />
        <FunctionField
          label="resources.incidents.fields.joinedBy"
          render={(m: any) => translate(`app.incidents.joined_by.${m.joinedBy}`, { _: m.joinedBy })}
        />
        <DateField source="releasedAt" showTime label="resources.incidents.fields.releasedAt" emptyText="—" />
        {open ? <ReleaseButton incidentId={record.id} /> : <></>}
      </Datagrid>
    </ArrayField>
  );
}

export default {
  list: () => (
    <List sort={{ field: 'firstAt', order: 'DESC' }} exporter={false}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="title" label="resources.incidents.fields.title" />
        <FunctionField label="resources.incidents.fields.state" render={(r: any) => <StateChip state={r.state} />} />
        <NumberField source="memberCount" label="resources.incidents.fields.memberCount" />
        <DateField source="firstAt" showTime label="resources.incidents.fields.firstAt" />
        <DateField source="dueAt" showTime label="resources.incidents.fields.dueAt" emptyText="—" />
        <TextField source="department" label="resources.incidents.fields.department" emptyText="—" />
      </Datagrid>
    </List>
  ),
  show: () => (
    <Show>
      <SimpleShowLayout>
        <TextField source="title" label="resources.incidents.fields.title" />
        <FunctionField label="resources.incidents.fields.state" render={(r: any) => <StateChip state={r.state} />} />
        <TextField source="ruleKey" label="resources.incidents.fields.ruleKey" emptyText="—" />
        <TextField source="groupKey" label="resources.incidents.fields.groupKey" emptyText="—" />
        <NumberField source="memberCount" label="resources.incidents.fields.memberCount" />
        <DateField source="firstAt" showTime label="resources.incidents.fields.firstAt" />
        <DateField source="lastAt" showTime label="resources.incidents.fields.lastAt" />
        <DateField source="dueAt" showTime label="resources.incidents.fields.dueAt" emptyText="—" />
        <TextField source="resolution" label="resources.incidents.fields.resolution" emptyText="—" />
        <IncidentActions />
        <Members />
      </SimpleShowLayout>
    </Show>
  ),
  icon: WavesIcon,
  recordRepresentation: (r: any) => r.title,
};
