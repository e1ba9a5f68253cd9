import { lazy, Suspense } from 'react';
import { Create, FunctionField, Loading, SelectInput, SimpleForm, TextField, required, useGetList } from 'react-admin';
import SchemaIcon from '@mui/icons-material/Schema';
import { PolicyList } from '../../common/resourceViews';
import { KeyInput, LocalizedTextInput } from '../../common/inputs';
import { LocalizedField } from '../../common/LocalizedField';
import { localized } from '../../i18n/locale';
import type { WorkflowDefinition } from './model';

// The designer (React Flow and the rule builder) loads when a workflow is opened, not with the console.
const WorkflowDesigner = lazy(() => import('./WorkflowDesigner'));

/** A new workflow starts as a copy of an existing one (every workflow needs the built-in states and automatic moves). */
function WorkflowCreate() {
  const { data: workflows = [] } = useGetList<WorkflowDefinition & { id: string }>('workflows', { pagination: { page: 1, perPage: 1000 } });
  return (
    <Create
      redirect="edit"
      transform={(data: { key: string; name: WorkflowDefinition['name']; base?: string }) => {
        const base = workflows.find((w) => w.key === (data.base ?? 'default')) ?? workflows[0];
        return { key: data.key, name: data.name, states: base?.states ?? [], transitions: base?.transitions ?? [] };
      }}
    >
      <SimpleForm noValidate>
        <KeyInput />
        <LocalizedTextInput source="name" label="resources.workflows.fields.name" />
        <SelectInput
          source="base"
          label="resources.workflows.fields.base"
          helperText="app.workflows.base_help"
          defaultValue="default"
          validate={required()}
          choices={workflows.map((w) => ({ id: w.key, name: `${localized(w.name)}（${w.key}）` }))}
        />
      </SimpleForm>
    </Create>
  );
}

export default {
  list: () => (
    <PolicyList>
      <LocalizedField source="name" label="resources.workflows.fields.name" />
      <TextField source="key" label="app.common.key" />
      <FunctionField label="resources.workflows.fields.states" render={(r: any) => (r.states ?? []).length} />
      <FunctionField label="resources.workflows.fields.transitions" render={(r: any) => (r.transitions ?? []).length} />
      <TextField source="source" label="app.common.source" emptyText="—" />
    </PolicyList>
  ),
  create: WorkflowCreate,
  edit: () => (
    <Suspense fallback={<Loading />}>
      <WorkflowDesigner />
    </Suspense>
  ),
  icon: SchemaIcon,
  recordRepresentation: (r: any) => localized(r.name),
};
