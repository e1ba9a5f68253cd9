import {
  AutocompleteArrayInput,
  NumberInput,
  ReferenceInput,
  SelectInput,
  TextField,
  NumberField,
  FunctionField,
  minValue,
  required,
} from 'react-admin';
import WavesIcon from '@mui/icons-material/Waves';
import { PolicyCreate, PolicyEdit, PolicyList } from '../../common/resourceViews';
import { KeyInput, LocalizedTextInput } from '../../common/inputs';
import { LocalizedField } from '../../common/LocalizedField';
import { localized } from '../../i18n/locale';
import { ConditionInput } from '../../rule-builder/ConditionInput';
import { useRuleVocabulary } from '../../rule-builder/vocabulary';

/** Group-by facts are picked from the fact schema (labels in the reader's language), never typed. */
function GroupByInput() {
  const { fields } = useRuleVocabulary();
  return (
    <AutocompleteArrayInput
      source="groupBy"
      label="resources.incidentRules.fields.groupBy"
      helperText="app.incidents.group_by_help"
      choices={fields.map((f) => ({ id: f.name, name: String(f.label) }))}
      validate={required()}
    />
  );
}

const IncidentRuleForm = ({ isEdit }: { isEdit?: boolean }) => (
  <>
    <KeyInput isEdit={isEdit} />
    <LocalizedTextInput source="name" label="resources.incidentRules.fields.name" />
    <ConditionInput source="when" label="resources.incidentRules.fields.when" />
    <GroupByInput />
    <NumberInput
      source="windowMinutes"
      label="resources.incidentRules.fields.windowMinutes"
      helperText="app.incidents.window_help"
      validate={[required(), minValue(1)]}
      defaultValue={60}
    />
    <NumberInput
      source="threshold"
      label="resources.incidentRules.fields.threshold"
      helperText="app.incidents.threshold_help"
      validate={[required(), minValue(2)]}
      defaultValue={10}
    />
    <ReferenceInput source="department" reference="departments" perPage={1000}>
      <SelectInput optionText={(r: any) => localized(r.name)} label="resources.incidentRules.fields.department" />
    </ReferenceInput>
  </>
);

export default {
  list: () => (
    <PolicyList>
      <LocalizedField source="name" label="resources.incidentRules.fields.name" />
      <TextField source="key" label="app.common.key" />
      <FunctionField label="resources.incidentRules.fields.groupBy" render={(r: any) => (r.groupBy ?? []).join(' + ')} />
      <NumberField source="windowMinutes" label="resources.incidentRules.fields.windowMinutes" />
      <NumberField source="threshold" label="resources.incidentRules.fields.threshold" />
    </PolicyList>
  ),
  create: () => (
    <PolicyCreate>
      <IncidentRuleForm />
    </PolicyCreate>
  ),
  edit: () => (
    <PolicyEdit>
      <IncidentRuleForm isEdit />
    </PolicyEdit>
  ),
  icon: WavesIcon,
  recordRepresentation: (r: any) => localized(r.name),
};
