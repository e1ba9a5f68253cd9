import { lazy, Suspense } from 'react';
import { useInput, useTranslate } from 'react-admin';
import { Box, FormHelperText, LinearProgress, Typography } from '@mui/material';

const ConditionEditor = lazy(() => import('./ConditionEditor'));

/** A react-admin form input holding a JSON-logic condition (a field's visibleWhen, an escalation's when, …). */
export function ConditionInput({ source, label }: { source: string; label: string }) {
  const translate = useTranslate();
  const { field, fieldState } = useInput({ source });
  return (
    <Box sx={{ width: '100%', my: 1, p: 1.5, border: '1px solid', borderColor: 'divider', borderRadius: 1 }}>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate(label)}
      </Typography>
      <Suspense fallback={<LinearProgress />}>
        <ConditionEditor
          value={field.value === '' || field.value === null ? undefined : field.value}
          onChange={(logic) => field.onChange(logic === true ? null : logic)}
          problems={fieldState.error?.message ? [translate(fieldState.error.message, { _: fieldState.error.message })] : []}
        />
      </Suspense>
      <FormHelperText>{translate('app.rules.condition_input_help')}</FormHelperText>
    </Box>
  );
}
