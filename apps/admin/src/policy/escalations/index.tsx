import {
  ArrayInput,
  FormDataConsumer,
  FunctionField,
  ReferenceInput,
  SelectField,
  SelectInput,
  SimpleFormIterator,
  TextField,
  required,
  useTranslate,
} from 'react-admin';
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import { PolicyCreate, PolicyEdit, PolicyList } from '../../common/resourceViews';
import { KeyInput, LocalizedTextInput } from '../../common/inputs';
import { LocalizedField } from '../../common/LocalizedField';
import { localized } from '../../i18n/locale';
import { choicesOf, ESCALATION_ACTIONS, ESCALATION_TRIGGERS, SLA_TARGETS } from '../choices';
import { ConditionInput } from '../../rule-builder/ConditionInput';

const NOTIFY_TARGETS = ['manager', 'assignee', 'department', 'customer'];

const EscalationForm = ({ isEdit }: { isEdit?: boolean }) => (
  <>
    <KeyInput isEdit={isEdit} />
    <LocalizedTextInput source="name" label="resources.escalations.fields.name" />
    <SelectInput
      source="trigger"
      choices={choicesOf('trigger', ESCALATION_TRIGGERS)}
      validate={required()}
      label="resources.escalations.fields.trigger"
    />
    <SelectInput
      source="target"
      choices={choicesOf('sla_target', SLA_TARGETS)}
      label="resources.escalations.fields.target"
      emptyText="app.escalations.any_target"
    />
    <ConditionInput source="when" label="resources.escalations.fields.when" />
    <ArrayInput source="actions" label="resources.escalations.fields.actions">
      <SimpleFormIterator inline>
        <SelectInput
          source="type"
          choices={choicesOf('action', ESCALATION_ACTIONS)}
          validate={required()}
          label="app.escalations.action_type"
        />
        <FormDataConsumer>
          {({ scopedFormData }) => {
            switch (scopedFormData?.type) {
              case 'raise_severity':
                return (
                  <ReferenceInput source="to" reference="severityLevels" perPage={1000}>
                    <SelectInput optionText={(r: any) => localized(r.name)} label="app.escalations.to_severity" validate={required()} />
                  </ReferenceInput>
                );
              case 'reassign':
                return (
                  <ReferenceInput source="department" reference="departments" perPage={1000}>
                    <SelectInput optionText={(r: any) => localized(r.name)} label="app.escalations.to_department" />
                  </ReferenceInput>
                );
              case 'notify':
                return (
                  <>
                    <SelectInput
                      source="to"
                      choices={choicesOf('notify', NOTIFY_TARGETS)}
                      label="app.escalations.notify_to"
                      validate={required()}
                    />
                    <ReferenceInput source="template" reference="templates" perPage={1000}>
                      <SelectInput optionText={(r: any) => localized(r.name)} label="app.escalations.template" />
                    </ReferenceInput>
                  </>
                );
              default:
                return null;
            }
          }}
        </FormDataConsumer>
      </SimpleFormIterator>
    </ArrayInput>
  </>
);

function ActionSummary({ actions }: { actions?: { type: string }[] }) {
  const translate = useTranslate();
  return <>{(actions ?? []).map((a) => translate(`app.action.${a.type}`, { _: a.type })).join('、')}</>;
}

export default {
  list: () => (
    <PolicyList>
      <LocalizedField source="name" label="resources.escalations.fields.name" />
      <TextField source="key" label="app.common.key" />
      <SelectField source="trigger" choices={choicesOf('trigger', ESCALATION_TRIGGERS)} label="resources.escalations.fields.trigger" />
      <FunctionField label="resources.escalations.fields.actions" render={(r: any) => <ActionSummary actions={r.actions} />} />
    </PolicyList>
  ),
  create: () => (
    <PolicyCreate>
      <EscalationForm />
    </PolicyCreate>
  ),
  edit: () => (
    <PolicyEdit>
      <EscalationForm isEdit />
    </PolicyEdit>
  ),
  icon: TrendingUpIcon,
  recordRepresentation: (r: any) => localized(r.name),
};
