import { AutocompleteInput, ReferenceInput, SelectInput, TextField, TextInput, email } from 'react-admin';
import ApartmentIcon from '@mui/icons-material/Apartment';
import { PolicyCreate, PolicyEdit, PolicyList } from '../../common/resourceViews';
import { KeyInput, LocalizedTextInput } from '../../common/inputs';
import { LocalizedField } from '../../common/LocalizedField';
import { localized } from '../../i18n/locale';

/** People are the tenant's user accounts; a department names its manager by e-mail. */
export const UserEmailInput = ({ source, label }: { source: string; label: string }) => (
  <ReferenceInput source={source} reference="users" perPage={1000}>
    <AutocompleteInput
      optionValue="email"
      optionText={(u: any) => `${u.displayName ?? ''} <${u.email}>`}
      label={label}
      validate={email()}
    />
  </ReferenceInput>
);

const DepartmentForm = ({ isEdit }: { isEdit?: boolean }) => (
  <>
    <KeyInput isEdit={isEdit} />
    <LocalizedTextInput source="name" label="resources.departments.fields.name" />
    <ReferenceInput source="parentKey" reference="departments" perPage={1000}>
      <SelectInput optionText={(r: any) => localized(r.name)} label="resources.departments.fields.parentKey" />
    </ReferenceInput>
    <TextInput source="region" label="resources.departments.fields.region" />
    <UserEmailInput source="managerEmail" label="resources.departments.fields.managerEmail" />
  </>
);

export default {
  list: () => (
    <PolicyList>
      <LocalizedField source="name" label="resources.departments.fields.name" />
      <TextField source="key" label="app.common.key" />
      <TextField source="parentKey" label="resources.departments.fields.parentKey" />
      <TextField source="region" label="resources.departments.fields.region" />
      <TextField source="managerEmail" label="resources.departments.fields.managerEmail" />
    </PolicyList>
  ),
  create: () => (
    <PolicyCreate>
      <DepartmentForm />
    </PolicyCreate>
  ),
  edit: () => (
    <PolicyEdit>
      <DepartmentForm isEdit />
    </PolicyEdit>
  ),
  icon: ApartmentIcon,
  recordRepresentation: (r: any) => localized(r.name),
};
