import { CheckboxGroupInput, FunctionField, SelectInput, TextField, required, useTranslate } from 'react-admin';
import FindInPageIcon from '@mui/icons-material/FindInPage';
import { PolicyCreate, PolicyEdit, PolicyList } from '../../common/resourceViews';
import { KeyInput, LocalizedTextInput } from '../../common/inputs';
import { LocalizedField } from '../../common/LocalizedField';
import { localized } from '../../i18n/locale';

const KINDS = ['validity_criterion', 'root_cause', 'responsibility', 'confirmed_cause'].map((id) => ({
  id,
  name: `app.finding_kind.${id}`,
}));
const ROLES = ['handler', 'manager', 'admin', 'agent', 'expert'].map((id) => ({ id, name: `app.finding_roles.${id}` }));

/** Coded findings after investigation (调查结论) handlers record on a complaint; rules read them as `finding.codes`. */
const FindingCodeForm = ({ isEdit }: { isEdit?: boolean }) => (
  <>
    <KeyInput isEdit={isEdit} />
    <SelectInput source="kind" label="resources.findingCodes.fields.kind" choices={KINDS} validate={required()} />
    <LocalizedTextInput source="name" label="resources.findingCodes.fields.name" />
    <CheckboxGroupInput source="roles" label="resources.findingCodes.fields.roles" choices={ROLES} helperText="app.finding_roles.help" />
  </>
);

function KindName({ kind }: { kind: string }) {
  return <>{useTranslate()(`app.finding_kind.${kind}`, { _: kind })}</>;
}

export default {
  list: () => (
    <PolicyList>
      <TextField source="key" label="app.common.key" />
      <LocalizedField source="name" label="resources.findingCodes.fields.name" />
      <FunctionField label="resources.findingCodes.fields.kind" render={(r: any) => <KindName kind={r.kind} />} />
      <FunctionField label="resources.findingCodes.fields.roles" render={(r: any) => (r.roles ?? []).join(', ')} />
    </PolicyList>
  ),
  create: () => (
    <PolicyCreate>
      <FindingCodeForm />
    </PolicyCreate>
  ),
  edit: () => (
    <PolicyEdit>
      <FindingCodeForm isEdit />
    </PolicyEdit>
  ),
  icon: FindInPageIcon,
  recordRepresentation: (r: any) => localized(r.name),
};
