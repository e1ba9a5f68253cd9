import { BooleanField, BooleanInput, TextField } from 'react-admin';
import CallSplitIcon from '@mui/icons-material/CallSplit';
import { PolicyCreate, PolicyEdit, PolicyList } from '../../common/resourceViews';
import { KeyInput, LocalizedTextInput } from '../../common/inputs';
import { LocalizedField } from '../../common/LocalizedField';
import { localized } from '../../i18n/locale';

const ChannelForm = ({ isEdit }: { isEdit?: boolean }) => (
  <>
    <KeyInput isEdit={isEdit} />
    <LocalizedTextInput source="name" label="resources.channels.fields.name" />
    <BooleanInput source="realtime" label="resources.channels.fields.realtime" helperText="app.channels.realtime_help" />
  </>
);

export default {
  list: () => (
    <PolicyList>
      <LocalizedField source="name" label="resources.channels.fields.name" />
      <TextField source="key" label="app.common.key" />
      <BooleanField source="realtime" label="resources.channels.fields.realtime" />
      <TextField source="source" label="app.common.source" />
    </PolicyList>
  ),
  create: () => (
    <PolicyCreate>
      <ChannelForm />
    </PolicyCreate>
  ),
  edit: () => (
    <PolicyEdit>
      <ChannelForm isEdit />
    </PolicyEdit>
  ),
  icon: CallSplitIcon,
  recordRepresentation: (r: any) => localized(r.name),
};
