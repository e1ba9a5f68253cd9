import { useState } from 'react';
import {
  ArrayInput,
  FunctionField,
  NumberInput,
  SimpleFormIterator,
  TextField,
  TextInput,
  required,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Alert, Box, Button, Card, CardContent, CircularProgress, TextField as MuiTextField, Typography } from '@mui/material';
import BeachAccessIcon from '@mui/icons-material/BeachAccess';
import { PolicyCreate, PolicyEdit, PolicyList } from '../../common/resourceViews';
import { callOperation } from '../../graphql/schema';
import { GraphQLRequestError, type ApiProblem } from '../../graphql/client';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const localDate = (value: string) => (value && !DATE.test(value) ? 'app.calendars.bad_date' : undefined);

const ScheduleForm = ({ isEdit }: { isEdit?: boolean }) => (
  <>
    <TextInput
      source="key"
      label="resources.holidaySchedules.fields.key"
      validate={required()}
      disabled={isEdit}
      helperText="app.holidays.key_help"
    />
    <NumberInput source="year" label="resources.holidaySchedules.fields.year" validate={required()} />
    <TextInput source="source" label="resources.holidaySchedules.fields.source" fullWidth />
    <ArrayInput source="holidays" label="resources.holidaySchedules.fields.holidays">
      <SimpleFormIterator inline>
        <TextInput source="name" label="app.holidays.name" validate={required()} />
        <TextInput source="start" label="app.holidays.start" validate={[required(), localDate]} />
        <TextInput source="end" label="app.holidays.end" validate={[required(), localDate]} />
        <NumberInput source="days" label="app.holidays.days" />
      </SimpleFormIterator>
    </ArrayInput>
    <ArrayInput source="makeupWorkdays" label="resources.holidaySchedules.fields.makeupWorkdays">
      <SimpleFormIterator inline>
        <TextInput source="date" label="app.holidays.date" validate={[required(), localDate]} />
        <TextInput source="name" label="app.holidays.name" validate={required()} />
      </SimpleFormIterator>
    </ArrayInput>
  </>
);

/**
 * Paste the State Council notice's table ("一、元旦：1月1日至3日放假，共3天。…上班。"): the API reads it into the
 * year's schedule in the draft, or names every line it cannot accept.
 */
function ImportNotice() {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [text, setText] = useState('');
  const [source, setSource] = useState('');
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<{ message: string; problems: ApiProblem[] } | null>(null);
  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      await callOperation(
        'mutation',
        'importHolidayNotice',
        { year: Number(year), text, ...(source ? { source } : {}) },
        { selection: '{ key }' },
      );
      notify('app.holidays.imported', { type: 'success', messageArgs: { year } });
      setText('');
      refresh();
    } catch (e) {
      setError({ message: (e as Error).message, problems: e instanceof GraphQLRequestError ? e.problems : [] });
    } finally {
      setRunning(false);
    }
  };
  return (
    <Card sx={{ ml: 2, width: 420 }} data-testid="holiday-import">
      <CardContent>
        <Typography variant="subtitle1">{translate('app.holidays.import_title')}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('app.holidays.import_help')}
        </Typography>
        <Box sx={{ display: 'flex', gap: 1, mb: 1 }}>
          <MuiTextField
            size="small"
            type="number"
            label={translate('resources.holidaySchedules.fields.year')}
            value={year}
            onChange={(e) => setYear(e.target.value)}
          />
          <MuiTextField
            size="small"
            label={translate('resources.holidaySchedules.fields.source')}
            value={source}
            onChange={(e) => setSource(e.target.value)}
          />
        </Box>
        <MuiTextField
          multiline
          minRows={6}
          fullWidth
          label={translate('app.holidays.notice_text')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="一、元旦：1月1日（周五）至3日（周日）放假，共3天。"
          slotProps={{ htmlInput: { 'data-testid': 'holiday-notice-text' } }}
        />
        <Button
          sx={{ mt: 1 }}
          variant="contained"
          onClick={run}
          disabled={running || !text.trim()}
          startIcon={running ? <CircularProgress size={16} /> : undefined}
        >
          {translate('app.holidays.import')}
        </Button>
        {error && (
          <Alert severity="error" sx={{ mt: 1 }} data-testid="holiday-import-error">
            {error.message}
            <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
              {error.problems.map((p, i) => (
                <li key={i}>
                  <code>{p.field ?? p.path}</code> {p.message}
                </li>
              ))}
            </ul>
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}

export default {
  list: () => (
    <PolicyList aside={<ImportNotice />} sort={{ field: 'key', order: 'DESC' }}>
      <TextField source="year" label="resources.holidaySchedules.fields.year" />
      <TextField source="source" label="resources.holidaySchedules.fields.source" />
      <FunctionField
        label="resources.holidaySchedules.fields.holidays"
        render={(r: any) => (r.holidays ?? []).map((h: any) => `${h.name} ${h.start.slice(5)}–${h.end.slice(5)}`).join('；')}
      />
      <FunctionField
        label="resources.holidaySchedules.fields.makeupWorkdays"
        render={(r: any) => (r.makeupWorkdays ?? []).map((d: any) => d.date.slice(5)).join('，')}
      />
    </PolicyList>
  ),
  create: () => (
    <PolicyCreate>
      <ScheduleForm />
    </PolicyCreate>
  ),
  edit: () => (
    <PolicyEdit>
      <ScheduleForm isEdit />
    </PolicyEdit>
  ),
  icon: BeachAccessIcon,
  recordRepresentation: (r: any) => String(r.year ?? r.key),
};
