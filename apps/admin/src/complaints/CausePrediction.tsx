import { useState } from 'react';
import { Link, useNotify, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  CircularProgress,
  LinearProgress,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { callOperation } from '../graphql/schema';
import { can } from '../permissions';
import { percentOf } from './causeScores';

interface Prediction {
  cause: string;
  confidence: number;
  modelVersion: number;
  top?: { label: string; confidence: number }[];
  keywords?: { term: string; weight: number }[];
  similar?: { complaintId: string; number: string; cause?: string | null; score: number }[];
}

/**
 * The classifier's view of the complaint: the likely cause with its confidence, the words that drove it and similar
 * past complaints. 采纳 / 更正 confirm the cause, which is what the next training learns from.
 */
export function CausePredictionCard({ onDone }: { onDone: () => void }) {
  const record = useRecordContext<any>();
  const translate = useTranslate();
  const notify = useNotify();
  const { permissions: role } = usePermissions<string>();
  const [correcting, setCorrecting] = useState(false);
  const [cause, setCause] = useState('');
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const prediction: Prediction | null | undefined = record.causePrediction;
  const confirmed: string | null | undefined = record.cause;
  if (!prediction && !confirmed) {
    return (
      <Card data-testid="cause-prediction">
        <CardHeader title={translate('app.cause.title')} titleTypographyProps={{ variant: 'subtitle1' }} />
        <CardContent sx={{ pt: 0 }}>
          <Typography variant="body2" color="text.secondary">
            {translate('app.cause.no_model')}
          </Typography>
        </CardContent>
      </Card>
    );
  }
  const mayConfirm = can(role, 'confirmCause');
  const act = async (call: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await call();
      notify('app.cause.saved', { type: 'success' });
      setCorrecting(false);
      onDone();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  // The cause predicted at intake is accepted as such; a complaint registered before the model existed has only the
  // prediction computed now, which is confirmed explicitly (both feed the next training).
  const accept = () =>
    act(() =>
      record.predictedCause
        ? callOperation('mutation', 'acceptPredictedCause', { complaintId: record.id }, { selection: '{ id cause }' })
        : callOperation('mutation', 'confirmComplaintCause', { id: record.id, cause: prediction!.cause }, { selection: '{ id cause }' }),
    );
  const correct = () =>
    act(() => callOperation('mutation', 'confirmComplaintCause', { id: record.id, cause: cause.trim() }, { selection: '{ id cause }' }));
  const labels = [...new Set((prediction?.top ?? []).map((t) => t.label))];
  return (
    <Card data-testid="cause-prediction">
      <CardHeader
        title={translate('app.cause.title')}
        titleTypographyProps={{ variant: 'subtitle1' }}
        subheader={prediction ? translate('app.cause.model_version', { version: prediction.modelVersion }) : undefined}
      />
      <CardContent sx={{ pt: 0 }}>
        <Stack spacing={1.5}>
          {confirmed && (
            <Alert severity="success" icon={false} data-testid="cause-confirmed">
              {translate('app.cause.confirmed', { cause: confirmed })}
            </Alert>
          )}
          {prediction && (
            <>
              <Box>
                <Typography variant="body2" color="text.secondary">
                  {translate('app.cause.predicted')}
                </Typography>
                <Typography variant="h6" data-testid="cause-predicted">
                  {prediction.cause}
                </Typography>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                  <LinearProgress
                    variant="determinate"
                    value={percentOf(prediction.confidence)}
                    sx={{ flex: 1, height: 8, borderRadius: 4 }}
                  />
                  <Typography variant="caption" data-testid="cause-confidence">
                    {translate('app.cause.confidence', { percent: percentOf(prediction.confidence) })}
                  </Typography>
                </Box>
              </Box>
              {(prediction.top ?? []).length > 1 && (
                <Typography variant="caption" color="text.secondary">
                  {translate('app.cause.alternatives')}：
                  {(prediction.top ?? [])
                    .slice(1, 4)
                    .map((t) => `${t.label} ${percentOf(t.confidence)}%`)
                    .join('、')}
                </Typography>
              )}
              {(prediction.keywords ?? []).length > 0 && (
                <Box data-testid="cause-keywords">
                  <Typography variant="caption" color="text.secondary">
                    {translate('app.cause.keywords')}
                  </Typography>
                  <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', mt: 0.5 }}>
                    {(prediction.keywords ?? []).map((k) => (
                      <Chip
                        key={k.term}
                        size="small"
                        label={k.term}
                        color={k.weight > 0 ? 'primary' : 'default'}
                        variant={k.weight > 0 ? 'filled' : 'outlined'}
                        title={k.weight.toFixed(3)}
                      />
                    ))}
                  </Box>
                </Box>
              )}
              {(prediction.similar ?? []).length > 0 && (
                <Box data-testid="cause-similar">
                  <Typography variant="caption" color="text.secondary">
                    {translate('app.cause.similar')}
                  </Typography>
                  {(prediction.similar ?? []).map((s) => (
                    <Typography key={s.complaintId} variant="body2">
                      <Link to={`/complaints/${s.complaintId}/show`}>{s.number}</Link>
                      {s.cause ? ` · ${s.cause}` : ''} · {translate('app.cause.similarity', { percent: percentOf(s.score) })}
                    </Typography>
                  ))}
                </Box>
              )}
            </>
          )}
          {mayConfirm && (
            <>
              <Box sx={{ display: 'flex', gap: 1 }}>
                {prediction && prediction.cause !== confirmed && (
                  <Button variant="contained" size="small" disabled={busy} onClick={accept} data-testid="cause-accept">
                    {translate('app.cause.accept')}
                  </Button>
                )}
                <Button
                  variant="outlined"
                  size="small"
                  disabled={busy}
                  onClick={() => {
                    setCorrecting(!correcting);
                    setCause(confirmed ?? prediction?.cause ?? '');
                  }}
                  data-testid="cause-correct"
                >
                  {translate('app.cause.correct')}
                </Button>
                {busy && <CircularProgress size={20} />}
              </Box>
              {correcting && (
                <Box sx={{ display: 'flex', gap: 1 }}>
                  <Autocomplete
                    freeSolo
                    fullWidth
                    size="small"
                    options={labels}
                    value={cause}
                    onInputChange={(_, v) => setCause(v)}
                    renderInput={(params) => (
                      <TextField
                        {...params}
                        name="cause"
                        label={translate('app.cause.cause_input')}
                        helperText={translate('app.cause.cause_help')}
                      />
                    )}
                  />
                  <Button
                    variant="contained"
                    size="small"
                    sx={{ alignSelf: 'flex-start', mt: 0.5 }}
                    disabled={busy || !cause.trim()}
                    onClick={correct}
                    data-testid="cause-save"
                  >
                    {translate('app.cause.save')}
                  </Button>
                </Box>
              )}
            </>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}
