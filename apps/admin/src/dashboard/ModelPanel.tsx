import { useState } from 'react';
import { useNotify, usePermissions, useTranslate } from 'react-admin';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Box, Button, Card, CardContent, CardHeader, Chip, CircularProgress, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { callOperation, OperationUnavailableError } from '../graphql/schema';
import { pollUntil } from '../common/download';
import { can } from '../permissions';

interface ClassifierModel { id: string; version: number; status: string; active: boolean; trigger: string; trainedAt: string | null; sampleCount: number; labels: string[]; metrics: any; message: string | null }
interface ClassifierJob { id: string; status: string; progress: number; message: string | null; modelVersion: number }
const MODEL = '{ id version status active trigger trainedAt sampleCount labels metrics message }';
const JOB = '{ id status progress message modelVersion }';

const pct = (value: unknown) => (typeof value === 'number' ? `${Math.round(value * 1000) / 10}%` : '—');

/** The complaint-cause classifier's versions with their measured accuracy, and training a new one. */
export function ModelPanel() {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { permissions: role } = usePermissions<string>();
  const models = useQuery({ queryKey: ['classifierModels'], queryFn: () => callOperation<ClassifierModel[]>('query', 'classifierModels', {}, { selection: MODEL }) });
  const [job, setJob] = useState<ClassifierJob | null>(null);
  const [training, setTraining] = useState(false);
  if (models.error instanceof OperationUnavailableError) return null;
  const train = async () => {
    setTraining(true);
    try {
      const started = await callOperation<ClassifierJob>('mutation', 'trainCauseClassifier', {}, { selection: JOB });
      const done = await pollUntil(() => callOperation<ClassifierJob>('query', 'classifierJob', { id: started.id }, { selection: JOB }), (j) => j.status !== 'training', setJob);
      if (done.status === 'failed') notify(done.message ?? 'app.model.failed', { type: 'error' });
      else notify('app.model.trained', { type: 'success', messageArgs: { version: done.modelVersion } });
      await queryClient.invalidateQueries({ queryKey: ['classifierModels'] });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setTraining(false);
    }
  };
  const list = models.data ?? [];
  return (
    <Card data-testid="model-panel">
      <CardHeader title={translate('app.model.title')} subheader={translate('app.model.help')} titleTypographyProps={{ variant: 'subtitle1' }}
        action={can(role, 'trainModel') ? <Button variant="contained" size="small" onClick={train} disabled={training} data-testid="train-model">{translate('app.model.train')}</Button> : undefined} />
      <CardContent sx={{ pt: 0 }}>
        {training && job && (
          <Box sx={{ mb: 2 }} data-testid="training-progress">
            <LinearProgress variant="determinate" value={Math.round((job.progress ?? 0) * 100)} />
            <Typography variant="caption" color="text.secondary">
              {translate('app.model.progress', { version: job.modelVersion, percent: Math.round((job.progress ?? 0) * 100) })}{job.message ? ` · ${job.message}` : ''}
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
                {['version', 'status', 'samples', 'accuracy', 'macro_f1', 'trained_at'].map((c) => <TableCell key={c}>{translate(`app.model.columns.${c}`)}</TableCell>)}
              </TableRow>
            </TableHead>
            <TableBody>
              {list.map((m) => (
                <TableRow key={m.id} data-testid={`model-${m.version}`}>
                  <TableCell>v{m.version} {m.active && <Chip size="small" color="success" label={translate('app.model.active')} />}</TableCell>
                  <TableCell>{translate(`app.model.status.${m.status}`, { _: m.status })}</TableCell>
                  <TableCell>{m.sampleCount}</TableCell>
                  <TableCell>{pct(m.metrics?.accuracy)}</TableCell>
                  <TableCell>{pct(m.metrics?.macroF1)}</TableCell>
                  <TableCell>{m.trainedAt ? new Date(m.trainedAt).toLocaleString() : '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
