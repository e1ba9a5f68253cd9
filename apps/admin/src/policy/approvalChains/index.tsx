import {
  ArrayInput,
  FormDataConsumer,
  FunctionField,
  NumberInput,
  ReferenceInput,
  SelectField,
  SelectInput,
  SimpleFormIterator,
  TextField,
  TextInput,
  minValue,
  maxValue,
  required,
  useTranslate,
} from 'react-admin';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import { PolicyCreate, PolicyEdit, PolicyList } from '../../common/resourceViews';
import { KeyInput, LocalizedTextInput } from '../../common/inputs';
import { LocalizedField } from '../../common/LocalizedField';
import { localized } from '../../i18n/locale';
import { APPROVAL_SUBJECTS, APPROVER_ROLES, choicesOf } from '../choices';
import { ConditionInput } from '../../rule-builder/ConditionInput';

/**
 * 会签 (approval chains, issue 18): who signs a proposed reply or a policy version, step by step. A step names who may
 * sign (a role, a department's manager, a named person) and how many different people must; steps run in order.
 */
const ApprovalChainForm = ({ isEdit }: { isEdit?: boolean }) => (
  <>
    <KeyInput isEdit={isEdit} />
    <LocalizedTextInput source="name" label="resources.approvalChains.fields.name" />
    <SelectInput
      source="subject"
      choices={choicesOf('approval_subject', APPROVAL_SUBJECTS)}
      validate={required()}
      label="resources.approvalChains.fields.subject"
    />
    <FormDataConsumer>
      {({ formData }) =>
        formData?.subject !== 'policy' ? <ConditionInput source="when" label="resources.approvalChains.fields.when" /> : null
      }
    </FormDataConsumer>
    <ArrayInput source="steps" label="resources.approvalChains.fields.steps" validate={required()}>
      <SimpleFormIterator>
        <KeyInput />
        <LocalizedTextInput source="name" label="app.approval_chains.step_name" />
        <NumberInput
          source="signatures"
          label="app.approval_chains.signatures"
          helperText="app.approval_chains.signatures_help"
          min={1}
          max={20}
          validate={[minValue(1), maxValue(20)]}
        />
        <ArrayInput source="approvers" label="app.approval_chains.approvers" validate={required()}>
          <SimpleFormIterator inline>
            <SelectInput
              source="role"
              choices={choicesOf('approver_role', APPROVER_ROLES)}
              label="app.approval_chains.role"
              emptyText="app.approval_chains.any_role"
            />
            <ReferenceInput source="department" reference="departments" perPage={1000}>
              <SelectInput
                optionText={(r: any) => localized(r.name)}
                label="app.approval_chains.department"
                emptyText="app.approval_chains.any_department"
              />
            </ReferenceInput>
            <TextInput source="user" type="email" label="app.approval_chains.user" />
          </SimpleFormIterator>
        </ArrayInput>
      </SimpleFormIterator>
    </ArrayInput>
  </>
);

function StepsSummary({ steps }: { steps?: { name?: { zh: string; en?: string }; signatures?: number }[] }) {
  const translate = useTranslate();
  return (
    <>
      {(steps ?? [])
        .map((s) => `${localized(s.name)}${(s.signatures ?? 1) > 1 ? ` ×${s.signatures}` : ''}`)
        .join(translate('app.approval_chains.then'))}
    </>
  );
}

export default {
  list: () => (
    <PolicyList>
      <LocalizedField source="name" label="resources.approvalChains.fields.name" />
      <TextField source="key" label="app.common.key" />
      <SelectField
        source="subject"
        choices={choicesOf('approval_subject', APPROVAL_SUBJECTS)}
        label="resources.approvalChains.fields.subject"
      />
      <FunctionField label="resources.approvalChains.fields.steps" render={(r: any) => <StepsSummary steps={r.steps} />} />
    </PolicyList>
  ),
  create: () => (
    <PolicyCreate>
      <ApprovalChainForm />
    </PolicyCreate>
  ),
  edit: () => (
    <PolicyEdit>
      <ApprovalChainForm isEdit />
    </PolicyEdit>
  ),
  icon: HowToRegIcon,
  recordRepresentation: (r: any) => localized(r.name),
};
