import {
  ArrayInput,
  BooleanField,
  BooleanInput,
  CheckboxGroupInput,
  FunctionField,
  SimpleFormIterator,
  TextField,
  TextInput,
  required,
} from 'react-admin';
import EventIcon from '@mui/icons-material/Event';
import { PolicyCreate, PolicyEdit, PolicyList } from '../../common/resourceViews';
import { KeyInput, LocalizedTextInput } from '../../common/inputs';
import { LocalizedField } from '../../common/LocalizedField';
import { localized } from '../../i18n/locale';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0].map((day) => ({ id: day, name: `app.calendars.weekday.${day}` }));
/** Saturday and Sunday (react-admin types the default value of a checkbox group as text). */
const WEEKEND_DEFAULT = { defaultValue: [0, 6] } as object;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The API checks every value (real dates, real zones, ordered intervals) and answers at the field; these catch typos early. */
const clockTime = (value: string) => (value && !CLOCK.test(value) ? 'app.calendars.bad_time' : undefined);
const localDate = (value: string) => (value && !DATE.test(value) ? 'app.calendars.bad_date' : undefined);

const CalendarForm = ({ isEdit }: { isEdit?: boolean }) => (
  <>
    <KeyInput isEdit={isEdit} />
    <LocalizedTextInput source="name" label="resources.calendars.fields.name" />
    <TextInput
      source="timeZone"
      label="resources.calendars.fields.timeZone"
      defaultValue="Asia/Shanghai"
      validate={required()}
      helperText="app.calendars.time_zone_help"
    />
    <ArrayInput
      source="workingHours"
      label="resources.calendars.fields.workingHours"
      defaultValue={[
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '18:00' },
      ]}
    >
      <SimpleFormIterator inline>
        <TextInput source="start" label="app.calendars.start" validate={[required(), clockTime]} />
        <TextInput source="end" label="app.calendars.end" validate={[required(), clockTime]} />
      </SimpleFormIterator>
    </ArrayInput>
    <CheckboxGroupInput source="weekendDays" label="resources.calendars.fields.weekendDays" choices={WEEKDAYS} {...WEEKEND_DEFAULT} />
    <BooleanInput
      source="useChineseHolidays"
      label="resources.calendars.fields.useChineseHolidays"
      defaultValue
      helperText="app.calendars.chinese_holidays_help"
    />
    <ArrayInput source="closures" label="resources.calendars.fields.closures">
      <SimpleFormIterator inline disableReordering>
        <TextInput source="" label="app.calendars.date" validate={[required(), localDate]} />
      </SimpleFormIterator>
    </ArrayInput>
    <ArrayInput source="extraWorkingDays" label="resources.calendars.fields.extraWorkingDays">
      <SimpleFormIterator inline disableReordering>
        <TextInput source="" label="app.calendars.date" validate={[required(), localDate]} />
      </SimpleFormIterator>
    </ArrayInput>
  </>
);

export default {
  list: () => (
    <PolicyList>
      <LocalizedField source="name" label="resources.calendars.fields.name" />
      <TextField source="key" label="app.common.key" />
      <TextField source="timeZone" label="resources.calendars.fields.timeZone" />
      <FunctionField
        label="resources.calendars.fields.workingHours"
        render={(r: any) => (r.workingHours ?? []).map((h: any) => `${h.start}–${h.end}`).join('，')}
      />
      <BooleanField source="useChineseHolidays" label="resources.calendars.fields.useChineseHolidays" />
    </PolicyList>
  ),
  create: () => (
    <PolicyCreate>
      <CalendarForm />
    </PolicyCreate>
  ),
  edit: () => (
    <PolicyEdit>
      <CalendarForm isEdit />
    </PolicyEdit>
  ),
  icon: EventIcon,
  recordRepresentation: (r: any) => localized(r.name),
};
