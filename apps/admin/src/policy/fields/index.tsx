import {
  ArrayInput,
  BooleanField,
  BooleanInput,
  FormDataConsumer,
  NumberInput,
  SelectField,
  SelectInput,
  SimpleFormIterator,
  TextField,
  TextInput,
  required,
} from 'react-admin';
import { Box, Typography } from '@mui/material';
import TextFieldsIcon from '@mui/icons-material/TextFields';
import { useTranslate } from 'react-admin';
import { PolicyCreate, PolicyEdit, PolicyList } from '../../common/resourceViews';
import { KeyInput, LocalizedTextInput } from '../../common/inputs';
import { LocalizedField } from '../../common/LocalizedField';
import { localized } from '../../i18n/locale';
import { choicesOf, FIELD_TYPES } from '../choices';
import { IntakeFormPreview } from './IntakeFormPreview';
import { ConditionInput } from '../../rule-builder/ConditionInput';

const FieldList = () => (
  <PolicyList>
    <LocalizedField source="label" label="resources.fields.fields.label" />
    <TextField source="key" label="app.common.key" />
    <SelectField source="type" choices={choicesOf('field_type', FIELD_TYPES)} label="resources.fields.fields.type" />
    <BooleanField source="required" label="resources.fields.fields.required" />
    <BooleanField source="personal" label="resources.fields.fields.personal" />
    <TextField source="source" label="app.common.source" />
  </PolicyList>
);

function Section({ title }: { title: string }) {
  return (
    <Typography variant="subtitle2" sx={{ mt: 2, color: 'primary.main' }}>
      {useTranslate()(title)}
    </Typography>
  );
}

function FieldForm({ isEdit }: { isEdit?: boolean }) {
  return (
    <Box sx={{ display: 'flex', gap: 3, width: '100%', flexWrap: 'wrap' }}>
      <Box sx={{ flex: '2 1 480px' }}>
        <KeyInput isEdit={isEdit} />
        <LocalizedTextInput source="label" label="resources.fields.fields.label" />
        <SelectInput
          source="type"
          choices={choicesOf('field_type', FIELD_TYPES)}
          validate={required()}
          defaultValue="text"
          label="resources.fields.fields.type"
        />
        <Box sx={{ display: 'flex', gap: 2 }}>
          <BooleanInput source="required" label="resources.fields.fields.required" />
          <BooleanInput source="personal" label="resources.fields.fields.personal" helperText="app.fields.personal_help" />
        </Box>
        <FormDataConsumer>
          {({ formData }) =>
            (formData.type === 'select' || formData.type === 'multi_select') && (
              <ArrayInput source="options" label="resources.fields.fields.options">
                <SimpleFormIterator inline disableReordering={false}>
                  <TextInput source="value" label="app.fields.option_value" validate={required()} />
                  <TextInput source="label.zh" label="app.fields.option_label_zh" validate={required()} />
                  <TextInput source="label.en" label="app.fields.option_label_en" />
                </SimpleFormIterator>
              </ArrayInput>
            )
          }
        </FormDataConsumer>
        <Section title="app.fields.conditions" />
        <ConditionInput source="visibleWhen" label="resources.fields.fields.visibleWhen" />
        <ConditionInput source="requiredWhen" label="resources.fields.fields.requiredWhen" />
        <Section title="app.fields.validation" />
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <NumberInput source="validation.minLength" label="app.fields.min_length" />
          <NumberInput source="validation.maxLength" label="app.fields.max_length" />
          <NumberInput source="validation.min" label="app.fields.min" />
          <NumberInput source="validation.max" label="app.fields.max" />
          <TextInput source="validation.pattern" label="app.fields.pattern" />
        </Box>
        <LocalizedTextInput source="help" label="resources.fields.fields.help" requiredZh={false} />
      </Box>
      <Box sx={{ flex: '1 1 320px' }}>
        <FormDataConsumer>
          {({ formData }) => <IntakeFormPreview fieldKeys={[]} draftField={formData} title="app.fields.preview" />}
        </FormDataConsumer>
      </Box>
    </Box>
  );
}

export default {
  list: FieldList,
  create: () => (
    <PolicyCreate>
      <FieldForm />
    </PolicyCreate>
  ),
  edit: () => (
    <PolicyEdit>
      <FieldForm isEdit />
    </PolicyEdit>
  ),
  icon: TextFieldsIcon,
  recordRepresentation: (r: any) => localized(r.label),
};
