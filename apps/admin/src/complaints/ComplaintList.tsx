import {
  Datagrid,
  FunctionField,
  usePermissions,
  List,
  SearchInput,
  SelectInput,
  TextField,
  TextInput,
  useListContext,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { ErrorNotice } from '../common/ListError';
import { useSchema } from '../graphql/useOperations';
import { namedType } from '../graphql/schema';
import { localized } from '../i18n/locale';
import { SlaChip } from './SlaChip';
import { useInstantFormat, usePolicyNames } from './display';
import { BulkAssignButton, QueueViews } from './QueueViews';

const ListErrorFromContext = () => <ErrorNotice error={useListContext().error} />;

/** Filter inputs for what the API's complaint filter accepts (text or a choice of its enum values). */
function useComplaintFilters() {
  const { schema } = useSchema();
  const translate = useTranslate();
  const arg = schema?.queries.get('complaints')?.args.find((a) => a.name === 'filter');
  const input = arg ? schema?.types.get(namedType(arg.type).name ?? '') : undefined;
  return (input?.inputFields ?? []).map((field) => {
    const enumValues = schema?.types.get(namedType(field.type).name ?? '')?.enumValues;
    const label = `app.filters.${field.name}`;
    if (field.name === 'search' || field.name === 'q' || field.name === 'text')
      return <SearchInput key={field.name} source={field.name} alwaysOn />;
    if (enumValues) {
      return (
        <SelectInput
          key={field.name}
          source={field.name}
          label={label}
          choices={enumValues.map((v) => ({ id: v.name, name: translate(`app.enum.${v.name}`, { _: v.name }) }))}
        />
      );
    }
    return <TextInput key={field.name} source={field.name} label={label} />;
  });
}

/** The work queue: complaints with the API's filters, the SLA colour and the time left. */
export const ComplaintList = () => {
  const filters = useComplaintFilters();
  const [locale] = useLocaleState();
  const names = usePolicyNames();
  const when = useInstantFormat();
  // Rows are selectable only for the roles that may assign (the one bulk action).
  const { permissions: role } = usePermissions<string>();
  const bulk = ['admin', 'manager', 'handler'].includes(role ?? '') ? <BulkAssignButton /> : false;
  return (
    <List
      perPage={25}
      sort={{ field: 'receivedAt', order: 'DESC' }}
      filters={filters.length ? filters : undefined}
      error={<ListErrorFromContext />}
      queryOptions={{ onError: () => undefined }}
      exporter={false}
      aside={<QueueViews />}
    >
      <Datagrid rowClick="show" bulkActionButtons={bulk} rowSx={() => ({ cursor: 'pointer' })} data-testid="complaint-list">
        <TextField source="number" label="resources.complaints.fields.number" />
        <FunctionField
          label="resources.complaints.fields.title"
          render={(r: any) => r.title ?? (r.text ? String(r.text).slice(0, 40) : '')}
        />
        <FunctionField
          label="resources.complaints.fields.type"
          render={(r: any) => names.type(r.type) || localized(r.typeName, locale === 'en' ? 'en' : 'zh-CN')}
        />
        <FunctionField label="resources.complaints.fields.severity" render={(r: any) => names.severity(r.severity)} />
        <FunctionField label="resources.complaints.fields.state" render={(r: any) => names.state(r.state, r.type)} />
        <FunctionField
          label="resources.complaints.fields.department"
          render={(r: any) => <span data-testid="row-department">{names.department(r.department)}</span>}
        />
        <FunctionField label="resources.complaints.fields.sla" render={() => <SlaChip />} />
        <FunctionField
          source="resolutionDueAt"
          label="resources.complaints.fields.resolutionDueAt"
          render={(r: any) => when(r.resolutionDueAt)}
        />
        <FunctionField source="receivedAt" label="resources.complaints.fields.receivedAt" render={(r: any) => when(r.receivedAt)} />
      </Datagrid>
    </List>
  );
};
