import { BooleanInput, TextInput, required, useTranslate, type Validator } from 'react-admin';
import { Box } from '@mui/material';

const KEY_PATTERN = /^[a-z][a-z0-9_.-]*$/;

/** Stable identifiers: lower case, digits, `_ . -` — never display text (the policy's contract). */
export const validateKey: Validator[] = [
  required(),
  (value: string) => (value && !KEY_PATTERN.test(value) ? 'app.validation.key_format' : undefined),
];

/** A key input: editable when creating, read-only afterwards (rules and complaints refer to it). */
export function KeyInput({ source = 'key', isEdit }: { source?: string; isEdit?: boolean }) {
  const translate = useTranslate();
  return (
    <TextInput
      source={source}
      label="app.common.key"
      validate={validateKey}
      readOnly={isEdit}
      helperText={translate('app.common.key_help')}
    />
  );
}

/** `{zh, en}` text of the policy: Chinese required, English optional. */
export function LocalizedTextInput({
  source,
  label,
  multiline,
  requiredZh = true,
}: {
  source: string;
  label: string;
  multiline?: boolean;
  requiredZh?: boolean;
}) {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', gap: 2, width: '100%', flexWrap: 'wrap' }}>
      <TextInput
        source={`${source}.zh`}
        label={translate('app.common.text_zh', { label: translate(label) })}
        validate={requiredZh ? required() : undefined}
        multiline={multiline}
        sx={{ flex: 1, minWidth: 240 }}
      />
      <TextInput
        source={`${source}.en`}
        label={translate('app.common.text_en', { label: translate(label) })}
        multiline={multiline}
        sx={{ flex: 1, minWidth: 240 }}
      />
    </Box>
  );
}

export const ActiveInput = () => <BooleanInput source="active" label="app.common.active" defaultValue />;
