import { useState } from 'react';
import { Link, useNotify, usePermissions, useTranslate } from 'react-admin';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  CircularProgress,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { callOperation, OperationUnavailableError } from '../graphql/schema';
import { pollUntil } from '../common/download';
import { can } from '../permissions';

interface Gate {
  decision: string;
  reason: string;
  candidateAccuracy: number | null;
  activeAccuracy: number | null;
  activeVersion: number | null;
  margin: number;
  noise: number;
}
interface ClassifierModel {
  id: string;
  version: number;
  status: string;
  active: boolean;
  trigger: string;
  trainedAt: string | null;
  sampleCount: number;
  labels: string[];
  metrics: any;
  message: string | null;
  gate: Gate | null;
}
interface ClassifierJob {
  id: string;
  status: string;
  progress: number;
  message: string | null;
  modelVersion: number;
}
interface Uncertain {
  complaintId: string;
  number: string;
  title: string | null;
  cause: string;
  confidence: number;
  runnerUp: string | null;
  runnerUpConfidence: number;
  margin: number;
}
const MODEL =
  '{ id version status active trigger trainedAt sampleCount labels metrics message gate { decision reason candidateAccuracy activeAccuracy activeVersion margin noise } }';
const UNCERTAIN = '{ complaintId number title cause confidence runnerUp runnerUpConfidence margin }';
/** How many of the least sure predictions the panel lists for labelling. */
const QUEUE_SIZE = 8;
const GATE_REASONS: Record<string, string> = {
  'first-model': 'app.model.gate.first_model',
  'not-worse': 'app.model.gate.not_worse',
  worse: 'app.model.gate.worse',
  'not-measured': 'app.model.gate.not_measured',
};
const JOB = '{ id status progress message modelVersion }';

const pct = (value: unknown) => (typeof value === 'number' ? `${Math.round(value * 1000) / 10}%` : '—');

/** The complaint-cause classifier's versions with their measured accuracy, and training a new one. */
export function ModelPanel() {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { permissions: role } = usePermissions<string>();
  const models = useQuery({
    queryKey: ['classifierModels'],
    queryFn: () => callOperation<ClassifierModel[]>('query', 'classifierModels', {}, { selection: MODEL }),
  });
  const mayLabel = can(role, 'confirmCause');
  const hasActive = !!models.data?.some((m) => m.active);
  const uncertain = useQuery({
    queryKey: ['uncertainPredictions'],
    enabled: mayLabel && hasActive,
    queryFn: () => callOperation<Uncertain[]>('query', 'uncertainPredictions', { first: QUEUE_SIZE }, { selection: UNCERTAIN }),
  });
  const [job, setJob] = useState<ClassifierJob | null>(null);
  const [training, setTraining] = useState(false);
  if (models.error instanceof OperationUnavailableError) return null;
  const train = async () => {
    setTraining(true);
    try {
      const started = await callOperation<ClassifierJob>('mutation', 'trainCauseClassifier', {}, { selection: JOB });
      const done = await pollUntil(
        () => callOperation<ClassifierJob>('query', 'classifierJob', { id: started.id }, { selection: JOB }),
        (j) => j.status !== 'training',
        setJob,
      );
      if (done.status === 'failed') notify(done.message ?? 'app.model.failed', { type: 'error' });
      else if (done.status === 'refused') notify('app.model.refused', { type: 'warning', messageArgs: { version: done.modelVersion } });
      else notify('app.model.trained', { type: 'success', messageArgs: { version: done.modelVersion } });
      await queryClient.invalidateQueries({ queryKey: ['classifierModels'] });
      await queryClient.invalidateQueries({ queryKey: ['uncertainPredictions'] });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setTraining(false);
    }
  };
  const list = models.data ?? [];
  return (
    <Card data-testid="model-panel">
      <CardHeader
        title={translate('app.model.title')}
        subheader={translate('app.model.help')}
        titleTypographyProps={{ variant: 'subtitle1' }}
        action={
          can(role, 'trainModel') ? (
            <Button variant="contained" size="small" onClick={train} disabled={training} data-testid="train-model">
              {translate('app.model.train')}
            </Button>
          ) : undefined
        }
      />
      <CardContent sx={{ pt: 0 }}>
        {training && job && (
          <Box sx={{ mb: 2 }} data-testid="training-progress">
            <LinearProgress variant="determinate" value={Math.round((job.progress ?? 0) * 100)} />
            <Typography variant="caption" color="text.secondary">
              {translate('app.model.progress', { version: job.modelVersion, percent: Math.round((job.progress ?? 0) * 100) })}
              {job.message ? ` · ${job.message}` : ''}
            </Typography>
          </Box>
        )}
        {models.isPending && <CircularProgress size={20} />}
        {models.error && <Alert severity="error">{(models.error as Error).message}</Alert>}
        {models.isSuccess && !list.length && <Typography color="text.secondary">{translate('app.model.none')}</Typography>}
        {list.length > 0 && (
          <Table size="small">
            <TableHead>
              <TableRow>
                {['version', 'status', 'samples', 'accuracy', 'macro_f1', 'gate', 'trained_at'].map((c) => (
                  <TableCell key={c}>{translate(`app.model.columns.${c}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {list.map((m) => (
                <TableRow key={m.id} data-testid={`model-${m.version}`}>
                  <TableCell>
                    v{m.version} {m.active && <Chip size="small" color="success" label={translate('app.model.active')} />}
                  </TableCell>
                  <TableCell>{translate(`app.model.status.${m.status}`, { _: m.status })}</TableCell>
                  <TableCell>{m.sampleCount}</TableCell>
                  <TableCell>{pct(m.metrics?.accuracy)}</TableCell>
                  <TableCell>{pct(m.metrics?.macroF1)}</TableCell>
                  <TableCell data-testid={`model-gate-${m.version}`}>
                    <GateCell gate={m.gate} />
                  </TableCell>
                  <TableCell>{m.trainedAt ? new Date(m.trainedAt).toLocaleString() : '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {uncertain.isSuccess && (
          <Box sx={{ mt: 2 }} data-testid="uncertain-queue">
            <Typography variant="subtitle2">{translate('app.model.uncertain.title')}</Typography>
            <Typography variant="caption" color="text.secondary">
              {translate('app.model.uncertain.help')}
            </Typography>
            {!uncertain.data.length && (
              <Typography variant="body2" color="text.secondary">
                {translate('app.model.uncertain.none')}
              </Typography>
            )}
            {uncertain.data.map((u) => (
              <Typography key={u.complaintId} variant="body2" data-testid="uncertain-item">
                <Link to={`/complaints/${u.complaintId}/show`}>{u.number}</Link>
                {u.title ? ` ${u.title}` : ''} ·{' '}
                {translate('app.model.uncertain.between', {
                  cause: u.cause,
                  percent: pct(u.confidence),
                  other: u.runnerUp ?? '—',
                  other_percent: pct(u.runnerUpConfidence),
                })}
              </Typography>
            ))}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}

/** The quality gate's decision: activated or refused, with the two held-out accuracies it compared. */
function GateCell({ gate }: { gate: Gate | null }) {
  const translate = useTranslate();
  if (!gate) return <>—</>;
  const reason = translate(GATE_REASONS[gate.reason] ?? 'app.model.gate.not_measured');
  const figures =
    gate.activeVersion !== null
      ? translate('app.model.gate.figures', {
          candidate: pct(gate.candidateAccuracy),
          version: gate.activeVersion,
          active: pct(gate.activeAccuracy),
          margin: pct(gate.margin),
          noise: pct(gate.noise),
        })
      : '';
  return (
    <Box title={figures}>
      <Chip
        size="small"
        color={gate.decision === 'activated' ? 'success' : 'warning'}
        variant="outlined"
        label={translate(gate.decision === 'activated' ? 'app.model.gate.activated' : 'app.model.gate.refused')}
      />
      <Typography variant="caption" component="div" color="text.secondary">
        {reason}
        {figures ? ` · ${figures}` : ''}
      </Typography>
    </Box>
  );
}
