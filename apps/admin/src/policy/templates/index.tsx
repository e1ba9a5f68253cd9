import { useRef } from 'react';
import {
  AutocompleteArrayInput,
  BooleanInput,
  ReferenceArrayInput,
  ReferenceInput,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
  required,
  useInput,
  useTranslate,
  FormDataConsumer,
} from 'react-admin';
import { Alert, Box, Card, CardContent, CardHeader, Chip, TextField as MuiTextField, Typography } from '@mui/material';
import MailOutlinedIcon from '@mui/icons-material/MailOutlined';
import { PolicyCreate, PolicyEdit, PolicyList } from '../../common/resourceViews';
import { KeyInput, LocalizedTextInput } from '../../common/inputs';
import { LocalizedField } from '../../common/LocalizedField';
import { localized } from '../../i18n/locale';
import { choicesOf, TEMPLATE_KINDS } from '../choices';
import { renderTemplate, TEMPLATE_VARIABLES, unknownVariables, variableMessageKey } from './variables';

/** The body editor with a variable picker: clicking a variable inserts `{{variable}}` at the cursor. */
function BodyInput() {
  const translate = useTranslate();
  const { field, fieldState } = useInput({ source: 'body', validate: required() });
  const ref = useRef<HTMLTextAreaElement>(null);
  const insert = (name: string) => {
    const text: string = field.value ?? '';
    const element = ref.current;
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? text.length;
    const token = `{{${name}}}`;
    field.onChange(text.slice(0, start) + token + text.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  const unknown = unknownVariables(field.value ?? '');
  return (
    <Box sx={{ width: '100%' }}>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('app.templates.variables')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, mb: 1 }} data-testid="variable-picker">
        {TEMPLATE_VARIABLES.map((name) => (
          <Chip
            key={name}
            size="small"
            variant="outlined"
            clickable
            onClick={() => insert(name)}
            label={translate(`app.template_vars.${variableMessageKey(name)}`)}
            title={`{{${name}}}`}
          />
        ))}
      </Box>
      <MuiTextField
        inputRef={ref}
        label={translate('resources.templates.fields.body')}
        multiline
        minRows={8}
        fullWidth
        required
        value={field.value ?? ''}
        onChange={(e) => field.onChange(e.target.value)}
        onBlur={field.onBlur}
        error={!!fieldState.error}
        helperText={fieldState.error?.message ? translate(fieldState.error.message) : undefined}
      />
      {unknown.length > 0 && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {translate('app.templates.unknown_variables', { names: unknown.join(', ') })}
        </Alert>
      )}
    </Box>
  );
}

/** The reply as the customer would read it, with sample values. */
function TemplatePreview({ subject, body }: { subject?: string; body?: string }) {
  const translate = useTranslate();
  const sample = (name: string) => translate(`app.template_samples.${variableMessageKey(name)}`, { _: `[${name}]` });
  return (
    <Card variant="outlined" sx={{ mt: 2, width: '100%', background: '#fffdf7' }} data-testid="template-preview">
      <CardHeader
        title={translate('app.templates.preview')}
        subheader={translate('app.templates.preview_help')}
        titleTypographyProps={{ variant: 'subtitle1' }}
      />
      <CardContent>
        {subject && (
          <Typography variant="subtitle2" gutterBottom>
            {renderTemplate(subject, sample)}
          </Typography>
        )}
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          {renderTemplate(body ?? '', sample)}
        </Typography>
      </CardContent>
    </Card>
  );
}

const TemplateForm = ({ isEdit }: { isEdit?: boolean }) => (
  <Box sx={{ display: 'flex', gap: 3, width: '100%', flexWrap: 'wrap' }}>
    <Box sx={{ flex: '3 1 520px' }}>
      <KeyInput isEdit={isEdit} />
      <LocalizedTextInput source="name" label="resources.templates.fields.name" />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <SelectInput
          source="kind"
          choices={choicesOf('template_kind', TEMPLATE_KINDS)}
          validate={required()}
          defaultValue="script"
          label="resources.templates.fields.kind"
        />
        <ReferenceInput source="channel" reference="channels" perPage={1000}>
          <SelectInput optionText={(r: any) => localized(r.name)} label="resources.templates.fields.channel" />
        </ReferenceInput>
      </Box>
      <ReferenceArrayInput source="typeKeys" reference="complaintTypes" perPage={1000}>
        <AutocompleteArrayInput optionText={(r: any) => localized(r.name)} label="resources.templates.fields.typeKeys" fullWidth />
      </ReferenceArrayInput>
      <BooleanInput source="internal" label="resources.templates.fields.internal" helperText="app.templates.internal_help" />
      <TextInput source="subject" label="resources.templates.fields.subject" fullWidth />
      <BodyInput />
    </Box>
    <Box sx={{ flex: '2 1 320px' }}>
      <FormDataConsumer>{({ formData }) => <TemplatePreview subject={formData.subject} body={formData.body} />}</FormDataConsumer>
    </Box>
  </Box>
);

export default {
  list: () => (
    <PolicyList>
      <LocalizedField source="name" label="resources.templates.fields.name" />
      <TextField source="key" label="app.common.key" />
      <SelectField source="kind" choices={choicesOf('template_kind', TEMPLATE_KINDS)} label="resources.templates.fields.kind" />
      <TextField source="channel" label="resources.templates.fields.channel" />
      <TextField source="source" label="app.common.source" />
    </PolicyList>
  ),
  create: () => (
    <PolicyCreate>
      <TemplateForm />
    </PolicyCreate>
  ),
  edit: () => (
    <PolicyEdit>
      <TemplateForm isEdit />
    </PolicyEdit>
  ),
  icon: MailOutlinedIcon,
  recordRepresentation: (r: any) => localized(r.name),
};
