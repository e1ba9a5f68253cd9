import { BooleanField, BooleanInput, FunctionField, NumberField, NumberInput, TextField, TextInput, required } from 'react-admin';
import { Chip } from '@mui/material';
import PriorityHighIcon from '@mui/icons-material/PriorityHigh';
import { PolicyCreate, PolicyEdit, PolicyList } from '../../common/resourceViews';
import { KeyInput, LocalizedTextInput } from '../../common/inputs';
import { localized } from '../../i18n/locale';

const SeverityForm = ({ isEdit }: { isEdit?: boolean }) => (
  <>
    <KeyInput isEdit={isEdit} />
    <LocalizedTextInput source="name" label="resources.severityLevels.fields.name" />
    <NumberInput
      source="rank"
      label="resources.severityLevels.fields.rank"
      validate={required()}
      helperText="app.severityLevels.rank_help"
    />
    <BooleanInput source="requiresApproval" label="resources.severityLevels.fields.requiresApproval" />
    <TextInput source="color" label="resources.severityLevels.fields.color" type="color" defaultValue="#1976d2" sx={{ width: 160 }} />
  </>
);

export default {
  list: () => (
    <PolicyList sort={{ field: 'rank', order: 'ASC' }}>
      <FunctionField
        label="resources.severityLevels.fields.name"
        render={(r: any) => <Chip size="small" label={localized(r.name)} sx={{ bgcolor: r.color, color: r.color ? '#fff' : undefined }} />}
      />
      <TextField source="key" label="app.common.key" />
      <NumberField source="rank" label="resources.severityLevels.fields.rank" />
      <BooleanField source="requiresApproval" label="resources.severityLevels.fields.requiresApproval" />
    </PolicyList>
  ),
  create: () => (
    <PolicyCreate>
      <SeverityForm />
    </PolicyCreate>
  ),
  edit: () => (
    <PolicyEdit>
      <SeverityForm isEdit />
    </PolicyEdit>
  ),
  icon: PriorityHighIcon,
  recordRepresentation: (r: any) => localized(r.name),
};
