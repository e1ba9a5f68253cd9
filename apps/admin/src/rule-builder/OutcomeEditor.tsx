import { useId } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import { Box, FormControl, FormControlLabel, InputLabel, MenuItem, Select, Switch, TextField } from '@mui/material';
import { localized } from '../i18n/locale';
import { ROUTING_STRATEGIES } from '../policy/choices';

function KeySelect({
  resource,
  label,
  value,
  onChange,
  optional,
}: {
  resource: string;
  label: string;
  value?: string;
  onChange: (v: string | undefined) => void;
  optional?: boolean;
}) {
  const translate = useTranslate();
  const { data = [] } = useGetList(resource, { pagination: { page: 1, perPage: 1000 }, sort: { field: 'key', order: 'ASC' } });
  // The label names the select for screen readers (and tests).
  const labelId = useId();
  return (
    <FormControl size="small" sx={{ minWidth: 180 }}>
      <InputLabel id={labelId}>{translate(label)}</InputLabel>
      <Select
        labelId={labelId}
        label={translate(label)}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || undefined)}
        data-testid={`outcome-${resource}`}
      >
        {optional && (
          <MenuItem value="">
            <em>{translate('app.common.none')}</em>
          </MenuItem>
        )}
        {data.map((r: any) => (
          <MenuItem key={r.key} value={r.key}>
            {localized(r.name)}（{r.key}）
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/** The "then" of a decision row, as the table's outcome type requires. */
export function OutcomeEditor({ tableKey, value, onChange }: { tableKey: string; value: any; onChange: (v: any) => void }) {
  const translate = useTranslate();
  switch (tableKey) {
    case 'validity':
      return (
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <FormControlLabel
            control={<Switch checked={value?.valid !== false} onChange={(e) => onChange({ ...value, valid: e.target.checked })} />}
            label={translate(value?.valid === false ? 'app.rules.outcome_invalid' : 'app.rules.outcome_valid')}
          />
          {value?.valid === false && (
            <>
              <TextField
                size="small"
                label={translate('app.rules.invalid_reason')}
                value={value?.reason ?? ''}
                onChange={(e) => onChange({ ...value, reason: e.target.value })}
              />
              <TextField
                size="small"
                label={translate('app.rules.invalid_reason_text')}
                value={value?.reasonText?.zh ?? ''}
                onChange={(e) => onChange({ ...value, reasonText: { ...value?.reasonText, zh: e.target.value } })}
              />
            </>
          )}
        </Box>
      );
    case 'severity':
      return <KeySelect resource="severityLevels" label="app.rules.outcome_severity" value={value} onChange={onChange} />;
    case 'sla':
      return <KeySelect resource="slaPolicies" label="app.rules.outcome_sla" value={value} onChange={onChange} />;
    case 'routing':
      return (
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <KeySelect
            resource="departments"
            label="app.rules.outcome_department"
            value={value?.department}
            onChange={(department) => onChange({ ...value, department })}
          />
          <KeySelect
            resource="teams"
            label="app.rules.outcome_team"
            value={value?.team}
            optional
            onChange={(team) => onChange({ ...value, team })}
          />
          <FormControl size="small" sx={{ minWidth: 160 }}>
            <InputLabel>{translate('app.rules.outcome_strategy')}</InputLabel>
            <Select
              label={translate('app.rules.outcome_strategy')}
              value={value?.strategy ?? ''}
              onChange={(e) => onChange({ ...value, strategy: e.target.value || undefined })}
            >
              <MenuItem value="">
                <em>{translate('app.common.none')}</em>
              </MenuItem>
              {ROUTING_STRATEGIES.map((s) => (
                <MenuItem key={s} value={s}>
                  {translate(`app.strategy.${s}`)}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
        </Box>
      );
    default:
      return (
        <TextField
          size="small"
          fullWidth
          label={translate('app.rules.outcome_json')}
          value={JSON.stringify(value ?? null)}
          onChange={(e) => {
            try {
              onChange(JSON.parse(e.target.value));
            } catch {
              /* keep typing */
            }
          }}
        />
      );
  }
}
