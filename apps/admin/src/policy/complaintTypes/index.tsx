import {
  AutocompleteArrayInput,
  BooleanField,
  BooleanInput,
  ReferenceArrayInput,
  ReferenceInput,
  SelectInput,
  TextField,
  useListContext,
  useRecordContext,
  useLocaleState,
  FunctionField,
  required,
  FormDataConsumer,
  useTranslate,
  NumberInput,
  minValue,
  maxValue,
} from 'react-admin';
import { Box, Chip } from '@mui/material';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { PolicyCreate, PolicyEdit, PolicyList } from '../../common/resourceViews';
import { KeyInput, LocalizedTextInput } from '../../common/inputs';
import { localized } from '../../i18n/locale';
import { choicesOf, COMPLAINT_KINDS } from '../choices';
import { IntakeFormPreview } from '../fields/IntakeFormPreview';
import { treeDepths } from './typeTree';

/** The name indented by its depth in the type tree (服务质量 › 服务态度). */
function TreeName(_props: { label?: string }) {
  const record = useRecordContext();
  const { data = [] } = useListContext();
  const [locale] = useLocaleState();
  if (!record) return null;
  const depth = treeDepths(data as any)[record.key] ?? 0;
  return (
    <Box sx={{ pl: depth * 3, display: 'flex', alignItems: 'center', gap: 1 }}>
      {depth > 0 && <span style={{ color: '#999' }}>└</span>}
      {localized(record.name, locale === 'en' ? 'en' : 'zh-CN')}
    </Box>
  );
}

const TypeList = () => (
  <PolicyList sort={{ field: 'treeOrder', order: 'ASC' }}>
    <TreeName label="resources.complaintTypes.fields.name" />
    <TextField source="key" label="app.common.key" />
    <FunctionField
      label="resources.complaintTypes.fields.kind"
      render={(r: any) => <Chip size="small" label={<KindLabel kind={r.kind} />} />}
    />
    <FunctionField label="resources.complaintTypes.fields.fields" render={(r: any) => (r.fields ?? []).length} />
    <TextField source="defaultSeverity" label="resources.complaintTypes.fields.defaultSeverity" />
    <TextField source="defaultDepartment" label="resources.complaintTypes.fields.defaultDepartment" />
    <TextField source="retentionMonths" label="resources.complaintTypes.fields.retentionMonths" emptyText="—" />
    <BooleanField source="active" label="app.common.active" />
    <TextField source="source" label="app.common.source" />
  </PolicyList>
);

function KindLabel({ kind }: { kind: string }) {
  const translate = useTranslate();
  return <>{translate(`app.kind.${kind}`, { _: kind })}</>;
}

function TypeForm({ isEdit }: { isEdit?: boolean }) {
  return (
    <>
      <KeyInput isEdit={isEdit} />
      <LocalizedTextInput source="name" label="resources.complaintTypes.fields.name" />
      <ReferenceInput source="parentKey" reference="complaintTypes" perPage={1000}>
        <SelectInput
          optionText={(r: any) => localized(r.name)}
          label="resources.complaintTypes.fields.parentKey"
          emptyText="app.complaintTypes.root"
        />
      </ReferenceInput>
      <SelectInput
        source="kind"
        choices={choicesOf('kind', COMPLAINT_KINDS)}
        validate={required()}
        defaultValue="complaint"
        label="resources.complaintTypes.fields.kind"
      />
      <ReferenceArrayInput source="fields" reference="fields" perPage={1000}>
        <AutocompleteArrayInput
          optionText={(r: any) => `${localized(r.label)} (${r.key})`}
          label="resources.complaintTypes.fields.fields"
          helperText="app.complaintTypes.fields_help"
          fullWidth
        />
      </ReferenceArrayInput>
      <ReferenceInput source="defaultSeverity" reference="severityLevels" perPage={1000}>
        <SelectInput optionText={(r: any) => localized(r.name)} label="resources.complaintTypes.fields.defaultSeverity" />
      </ReferenceInput>
      <ReferenceInput source="defaultDepartment" reference="departments" perPage={1000}>
        <SelectInput optionText={(r: any) => localized(r.name)} label="resources.complaintTypes.fields.defaultDepartment" />
      </ReferenceInput>
      <ReferenceInput source="workflow" reference="workflows" perPage={1000}>
        <SelectInput
          optionText={(r: any) => `${localized(r.name)}（${r.key}）`}
          label="resources.complaintTypes.fields.workflow"
          helperText="app.complaintTypes.workflow_help"
          emptyText="app.complaintTypes.workflow_inherited"
        />
      </ReferenceInput>
      {/* retention: months after closure (the API refuses anything but whole months 1–1200 at save and publish) */}
      <NumberInput
        source="retentionMonths"
        label="resources.complaintTypes.fields.retentionMonths"
        helperText="app.complaintTypes.retention_help"
        min={1}
        max={1200}
        step={1}
        validate={[minValue(1), maxValue(1200)]}
      />
      <BooleanInput source="active" label="app.common.active" defaultValue />
      <FormDataConsumer>
        {({ formData }) => <IntakeFormPreview fieldKeys={formData.fields ?? []} title="app.complaintTypes.preview" />}
      </FormDataConsumer>
    </>
  );
}

export default {
  list: TypeList,
  create: () => (
    <PolicyCreate>
      <TypeForm />
    </PolicyCreate>
  ),
  edit: () => (
    <PolicyEdit>
      <TypeForm isEdit />
    </PolicyEdit>
  ),
  icon: AccountTreeIcon,
  recordRepresentation: (r: any) => localized(r.name),
};
