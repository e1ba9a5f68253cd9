import {
  BooleanInput,
  CheckboxGroupInput,
  FunctionField,
  ReferenceArrayInput,
  ReferenceInput,
  SelectField,
  SelectInput,
  AutocompleteArrayInput,
  TextField,
  TextInput,
  required,
  useTranslate,
} from 'react-admin';
import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import { PolicyCreate, PolicyEdit, PolicyList } from '../../common/resourceViews';
import { KeyInput, LocalizedTextInput } from '../../common/inputs';
import { LocalizedField } from '../../common/LocalizedField';
import { localized } from '../../i18n/locale';
import { choicesOf } from '../choices';

/** The moments a notice can be sent at and the delivery channels (the API's NOTICE_EVENTS / NOTICE_CHANNELS). */
export const NOTICE_EVENTS = [
  'complaint.submitted',
  'complaint.routed',
  'complaint.transitioned',
  'complaint.replied',
  'complaint.closed',
  'sla.warning',
  'sla.breached',
  'sla.extended',
] as const;
export const NOTICE_CHANNELS = ['email', 'sms', 'in_app'] as const;
const NOTICE_TARGETS = ['customer', 'assignee', 'manager', 'department'];
const eventChoices = NOTICE_EVENTS.map((id) => ({ id, name: `app.notice_event.${id.replace('.', '_')}` }));

/** What is sent when: event → recipient, channels, template, for the complaints that match the filters. */
const NoticeForm = ({ isEdit }: { isEdit?: boolean }) => (
  <>
    <KeyInput isEdit={isEdit} />
    <LocalizedTextInput source="name" label="resources.notices.fields.name" />
    <SelectInput source="event" choices={eventChoices} validate={required()} label="resources.notices.fields.event" />
    <SelectInput source="to" choices={choicesOf('notify', NOTICE_TARGETS)} validate={required()} label="resources.notices.fields.to" />
    <CheckboxGroupInput
      source="channels"
      choices={choicesOf('delivery_channel', NOTICE_CHANNELS)}
      validate={required()}
      label="resources.notices.fields.channels"
    />
    <ReferenceInput source="template" reference="templates" perPage={1000}>
      <SelectInput
        optionText={(r: any) => localized(r.name)}
        label="resources.notices.fields.template"
        helperText="app.notices.template_help"
      />
    </ReferenceInput>
    <ReferenceArrayInput source="slaPolicies" reference="slaPolicies" perPage={1000}>
      <AutocompleteArrayInput
        optionText={(r: any) => localized(r.name)}
        label="resources.notices.fields.slaPolicies"
        helperText="app.notices.sla_help"
        fullWidth
      />
    </ReferenceArrayInput>
    <ReferenceArrayInput source="typeKeys" reference="complaintTypes" perPage={1000}>
      <AutocompleteArrayInput optionText={(r: any) => localized(r.name)} label="resources.notices.fields.typeKeys" fullWidth />
    </ReferenceArrayInput>
    <TextInput
      source="states"
      label="resources.notices.fields.states"
      helperText="app.notices.states_help"
      format={(v?: string[]) => (v ?? []).join(', ')}
      parse={(v: string) => v.split(/[,，\s]+/).filter(Boolean)}
    />
    <TextInput
      source="targets"
      label="resources.notices.fields.targets"
      helperText="app.notices.targets_help"
      format={(v?: string[]) => (v ?? []).join(', ')}
      parse={(v: string) => v.split(/[,，\s]+/).filter(Boolean)}
    />
    <BooleanInput source="urgent" label="resources.notices.fields.urgent" helperText="app.notices.urgent_help" />
  </>
);

function Channels({ channels }: { channels?: string[] }) {
  const translate = useTranslate();
  return <>{(channels ?? []).map((c) => translate(`app.delivery_channel.${c}`, { _: c })).join('、')}</>;
}

export default {
  list: () => (
    <PolicyList>
      <LocalizedField source="name" label="resources.notices.fields.name" />
      <TextField source="key" label="app.common.key" />
      <SelectField source="event" choices={eventChoices} label="resources.notices.fields.event" />
      <SelectField source="to" choices={choicesOf('notify', NOTICE_TARGETS)} label="resources.notices.fields.to" />
      <FunctionField label="resources.notices.fields.channels" render={(r: any) => <Channels channels={r.channels} />} />
      <TextField source="template" label="resources.notices.fields.template" />
    </PolicyList>
  ),
  create: () => (
    <PolicyCreate>
      <NoticeForm />
    </PolicyCreate>
  ),
  edit: () => (
    <PolicyEdit>
      <NoticeForm isEdit />
    </PolicyEdit>
  ),
  icon: NotificationsActiveIcon,
  recordRepresentation: (r: any) => localized(r.name),
};
