import { useEffect, useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { Alert, Box, Button, Card, CardContent, CircularProgress, IconButton, TextField, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { callOperation } from '../../graphql/schema';
import { GraphQLRequestError, type ApiProblem } from '../../graphql/client';
import { loadDraft } from '../../dataProvider/policyDraft';

/** The defaults the API applies where the policy sets no target (docs/policy.md, "Targets and numbering"). */
const DEFAULTS = { onTimeRate: 95, satisfactionRate: 95, effectiveResolutionRate: 90 };
const KPIS = ['onTimeRate', 'satisfactionRate', 'effectiveResolutionRate'] as const;

interface Form {
  numberPattern: string;
  kpi: Record<(typeof KPIS)[number], string>;
  byTarget: { target: string; rate: string }[];
}

const percent = (share: number | undefined) => (share === undefined || share === null ? '' : String(Math.round(share * 1000) / 10));
const share = (text: string) => (text.trim() === '' ? undefined : Number(text) / 100);

/**
 * Policy settings an administrator edits as numbers: the complaint number pattern and the KPI targets (in percent;
 * the API stores shares). They change the draft; the weekly report and intake follow them once published.
 */
export default function PolicySettingsPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const [form, setForm] = useState<Form | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ message: string; problems: ApiProblem[] } | null>(null);
  useEffect(() => {
    loadDraft().then(
      (draft) => {
        const kpi = draft.settings.kpiTargets ?? {};
        setForm({
          numberPattern: draft.settings.numberPattern ?? '',
          kpi: {
            onTimeRate: percent(kpi.onTimeRate),
            satisfactionRate: percent(kpi.satisfactionRate),
            effectiveResolutionRate: percent(kpi.effectiveResolutionRate),
          },
          byTarget: (kpi.onTimeByTarget ?? []).map((t) => ({ target: t.target, rate: percent(t.rate) })),
        });
      },
      (e: Error) => setError({ message: e.message, problems: [] }),
    );
  }, []);
  if (!form) return error ? <Alert severity="error">{error.message}</Alert> : <CircularProgress size={20} />;
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const kpiTargets = {
        ...Object.fromEntries(KPIS.map((k) => [k, share(form.kpi[k])]).filter(([, v]) => v !== undefined)),
        onTimeByTarget: form.byTarget.filter((t) => t.target.trim()).map((t) => ({ target: t.target.trim(), rate: share(t.rate) })),
      };
      const input = { kpiTargets, ...(form.numberPattern.trim() ? { numberPattern: form.numberPattern.trim() } : {}) };
      await callOperation('mutation', 'updatePolicySettings', { input }, { selection: '{ numberPattern }' });
      notify('app.policy_settings.saved', { type: 'success' });
    } catch (e) {
      setError({ message: (e as Error).message, problems: e instanceof GraphQLRequestError ? e.problems : [] });
    } finally {
      setSaving(false);
    }
  };
  const setKpi = (key: (typeof KPIS)[number], value: string) => setForm({ ...form, kpi: { ...form.kpi, [key]: value } });
  const setRow = (index: number, row: Partial<Form['byTarget'][number]>) =>
    setForm({ ...form, byTarget: form.byTarget.map((r, i) => (i === index ? { ...r, ...row } : r)) });
  return (
    <Card sx={{ mt: 2 }} data-testid="policy-settings">
      <Title title={translate('app.policy_settings.title')} />
      <CardContent>
        <Typography variant="subtitle1">{translate('app.policy_settings.numbering')}</Typography>
        <TextField
          size="small"
          sx={{ mt: 1, minWidth: 320 }}
          label={translate('app.policy_settings.number_pattern')}
          value={form.numberPattern}
          placeholder="{YY}{MM}-{SEQ:4}"
          helperText={translate('app.policy_settings.number_pattern_help')}
          onChange={(e) => setForm({ ...form, numberPattern: e.target.value })}
          slotProps={{ htmlInput: { 'data-testid': 'number-pattern' } }}
        />
        <Typography variant="subtitle1" sx={{ mt: 3 }}>
          {translate('app.policy_settings.kpi_targets')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('app.policy_settings.kpi_help')}
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, mt: 1, flexWrap: 'wrap' }}>
          {KPIS.map((key) => (
            <TextField
              key={key}
              size="small"
              type="number"
              label={translate(`app.dashboard.kpi.${key}`)}
              value={form.kpi[key]}
              placeholder={String(DEFAULTS[key])}
              onChange={(e) => setKpi(key, e.target.value)}
              slotProps={{ input: { endAdornment: '%' }, htmlInput: { 'data-testid': `kpi-${key}` } }}
            />
          ))}
        </Box>
        <Typography variant="subtitle2" sx={{ mt: 2 }}>
          {translate('app.policy_settings.by_target')}
        </Typography>
        {form.byTarget.map((row, index) => (
          <Box key={index} sx={{ display: 'flex', gap: 1, mt: 1, alignItems: 'center' }}>
            <TextField
              size="small"
              label={translate('app.slaPolicies.target')}
              value={row.target}
              onChange={(e) => setRow(index, { target: e.target.value })}
              helperText={translate(`app.sla_target.${row.target}`, { _: ' ' })}
            />
            <TextField
              size="small"
              type="number"
              label={translate('app.policy_settings.rate')}
              value={row.rate}
              onChange={(e) => setRow(index, { rate: e.target.value })}
              slotProps={{ input: { endAdornment: '%' } }}
            />
            <IconButton
              aria-label={translate('ra.action.delete')}
              onClick={() => setForm({ ...form, byTarget: form.byTarget.filter((_, i) => i !== index) })}
            >
              <DeleteIcon />
            </IconButton>
          </Box>
        ))}
        <Button sx={{ mt: 1 }} onClick={() => setForm({ ...form, byTarget: [...form.byTarget, { target: 'resolution', rate: '' }] })}>
          {translate('app.policy_settings.add_target')}
        </Button>
        <Box sx={{ mt: 3 }}>
          <Button variant="contained" onClick={save} disabled={saving} data-testid="save-policy-settings">
            {translate('ra.action.save')}
          </Button>
        </Box>
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
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
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
          {translate('app.policy_settings.publish_hint')}
        </Typography>
      </CardContent>
    </Card>
  );
}
