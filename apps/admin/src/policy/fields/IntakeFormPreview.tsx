import { useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import { Card, CardContent, CardHeader, Typography } from '@mui/material';
import { DynamicFields } from '../../intake/DynamicFields';
import type { FieldDefinition, IntakeFacts } from '../../intake/formLogic';

/**
 * The intake form as an agent will see it, live while the administrator edits: try values and watch conditional
 * fields appear. `draftField` replaces the stored field of the same key (the one being edited).
 */
export function IntakeFormPreview({
  fieldKeys,
  draftField,
  title,
}: {
  fieldKeys: string[];
  draftField?: Partial<FieldDefinition>;
  title: string;
}) {
  const translate = useTranslate();
  const { data = [] } = useGetList<FieldDefinition & { id: string }>('fields', { pagination: { page: 1, perPage: 1000 } });
  const [form, setForm] = useState<Record<string, unknown>>({});
  const byKey = new Map(data.map((f) => [f.key, f as FieldDefinition]));
  if (draftField?.key) byKey.set(draftField.key, { label: { zh: draftField.key }, type: 'text', ...draftField } as FieldDefinition);
  const keys = draftField?.key && !fieldKeys.includes(draftField.key) ? [...fieldKeys, draftField.key] : fieldKeys;
  const fields = keys.map((k) => byKey.get(k)).filter(Boolean) as FieldDefinition[];
  const facts: IntakeFacts = { complaint: { form } };
  return (
    <Card variant="outlined" sx={{ width: '100%', mt: 2, background: '#fafcff' }} data-testid="intake-preview">
      <CardHeader
        title={translate(title)}
        subheader={translate('app.fields.preview_help')}
        titleTypographyProps={{ variant: 'subtitle1' }}
      />
      <CardContent>
        {fields.length ? (
          <DynamicFields fields={fields} facts={facts} onChange={(key, value) => setForm((f) => ({ ...f, [key]: value }))} />
        ) : (
          <Typography variant="body2" color="text.secondary">
            {translate('app.fields.preview_empty')}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}
