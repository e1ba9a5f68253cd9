import { useLocaleState, useTranslate } from 'react-admin';
import {
  Checkbox,
  FormControl,
  FormControlLabel,
  FormHelperText,
  InputLabel,
  ListItemText,
  MenuItem,
  Select,
  Stack,
  TextField,
} from '@mui/material';
import { localized } from '../i18n/locale';
import { isRequired, isVisible, type FieldDefinition, type IntakeFacts } from './formLogic';

interface Props {
  fields: FieldDefinition[];
  facts: IntakeFacts;
  onChange: (key: string, value: unknown) => void;
  problems?: Record<string, { message: string; args?: Record<string, unknown> }>;
}

/** The intake form's configured fields, shown and required as their JSON-logic conditions say. */
export function DynamicFields({ fields, facts, onChange, problems = {} }: Props) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const text = (value: any) => localized(value, locale === 'en' ? 'en' : 'zh-CN');
  return (
    <Stack spacing={2}>
      {fields
        .filter((field) => isVisible(field, facts))
        .map((field) => {
          const value = facts.complaint.form[field.key];
          const required = isRequired(field, facts);
          const problem = problems[field.key];
          const error = !!problem;
          const helper = problem ? translate(problem.message, problem.args) : field.help ? text(field.help) : undefined;
          const label = text(field.label) + (field.personal ? translate('app.intake.personal_suffix') : '');
          const common = { label, required, error, helperText: helper, fullWidth: true, name: field.key, 'data-field': field.key } as const;
          switch (field.type) {
            case 'long_text':
              return (
                <TextField
                  key={field.key}
                  {...common}
                  multiline
                  minRows={3}
                  value={value ?? ''}
                  onChange={(e) => onChange(field.key, e.target.value)}
                />
              );
            case 'number':
            case 'money':
              return (
                <TextField
                  key={field.key}
                  {...common}
                  type="number"
                  value={value ?? ''}
                  onChange={(e) => onChange(field.key, e.target.value === '' ? undefined : Number(e.target.value))}
                />
              );
            case 'date':
            case 'datetime':
              return (
                <TextField
                  key={field.key}
                  {...common}
                  type={field.type === 'date' ? 'date' : 'datetime-local'}
                  value={value ?? ''}
                  slotProps={{ inputLabel: { shrink: true } }}
                  onChange={(e) => onChange(field.key, e.target.value)}
                />
              );
            case 'boolean':
              return (
                <FormControl key={field.key} error={error}>
                  <FormControlLabel
                    control={<Checkbox checked={!!value} onChange={(e) => onChange(field.key, e.target.checked)} name={field.key} />}
                    label={label + (required ? ' *' : '')}
                  />
                  {helper && <FormHelperText>{helper}</FormHelperText>}
                </FormControl>
              );
            case 'select':
            case 'multi_select': {
              const multiple = field.type === 'multi_select';
              return (
                <FormControl key={field.key} fullWidth required={required} error={error}>
                  <InputLabel>{label}</InputLabel>
                  <Select
                    label={label}
                    name={field.key}
                    multiple={multiple}
                    value={multiple ? ((value as string[]) ?? []) : ((value as string) ?? '')}
                    onChange={(e) => onChange(field.key, e.target.value)}
                    renderValue={
                      multiple
                        ? (selected: any) =>
                            (selected as string[]).map((v) => text(field.options?.find((o) => o.value === v)?.label) || v).join('、')
                        : undefined
                    }
                  >
                    {(field.options ?? []).map((option) => (
                      <MenuItem key={option.value} value={option.value}>
                        {multiple && <Checkbox checked={((value as string[]) ?? []).includes(option.value)} />}
                        <ListItemText primary={text(option.label)} />
                      </MenuItem>
                    ))}
                  </Select>
                  {helper && <FormHelperText>{helper}</FormHelperText>}
                </FormControl>
              );
            }
            case 'attachment':
              return <TextField key={field.key} {...common} disabled value="" placeholder={translate('app.intake.attachments_later')} />;
            default:
              return (
                <TextField
                  key={field.key}
                  {...common}
                  type={field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : 'text'}
                  value={value ?? ''}
                  onChange={(e) => onChange(field.key, e.target.value)}
                />
              );
          }
        })}
    </Stack>
  );
}
