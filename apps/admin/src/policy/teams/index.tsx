import { AutocompleteArrayInput, FunctionField, ReferenceArrayInput, ReferenceInput, SelectInput, TextField, required } from 'react-admin';
import GroupsIcon from '@mui/icons-material/Groups';
import { PolicyCreate, PolicyEdit, PolicyList } from '../../common/resourceViews';
import { KeyInput, LocalizedTextInput } from '../../common/inputs';
import { LocalizedField } from '../../common/LocalizedField';
import { localized } from '../../i18n/locale';

const TeamForm = ({ isEdit }: { isEdit?: boolean }) => (
  <>
    <KeyInput isEdit={isEdit} />
    <LocalizedTextInput source="name" label="resources.teams.fields.name" />
    <ReferenceInput source="departmentKey" reference="departments" perPage={1000}>
      <SelectInput optionText={(r: any) => localized(r.name)} label="resources.teams.fields.departmentKey" validate={required()} />
    </ReferenceInput>
    <ReferenceArrayInput source="members" reference="users" perPage={1000}>
      <AutocompleteArrayInput
        optionValue="email"
        optionText={(u: any) => `${u.displayName ?? ''} <${u.email}>`}
        label="resources.teams.fields.members"
        fullWidth
      />
    </ReferenceArrayInput>
  </>
);

export default {
  list: () => (
    <PolicyList>
      <LocalizedField source="name" label="resources.teams.fields.name" />
      <TextField source="key" label="app.common.key" />
      <TextField source="departmentKey" label="resources.teams.fields.departmentKey" />
      <FunctionField label="resources.teams.fields.members" render={(r: any) => (r.members ?? []).join('、')} />
    </PolicyList>
  ),
  create: () => (
    <PolicyCreate>
      <TeamForm />
    </PolicyCreate>
  ),
  edit: () => (
    <PolicyEdit>
      <TeamForm isEdit />
    </PolicyEdit>
  ),
  icon: GroupsIcon,
  recordRepresentation: (r: any) => localized(r.name),
};
