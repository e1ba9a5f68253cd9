import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { Box, Button, LinearProgress, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { callOperation } from '../graphql/schema';
import { downloadWithToken, pollUntil } from '../common/download';
import { currentLocale } from '../i18n/locale';

interface ExportJob {
  id: string;
  status: string;
  progress: number;
  rowCount: number | null;
  url: string;
  fileName: string | null;
  error: string | null;
}
const JOB = '{ id status progress rowCount url fileName error }';
const finished = (job: ExportJob) => job.status === 'done' || job.status === 'failed';

/** CSV / XLSX of the week's statistics table and of the week's complaints: start the job, show its progress, download. */
export function ExportButtons({ from, to }: { from: Date; to: Date }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [job, setJob] = useState<ExportJob | null>(null);
  const [busy, setBusy] = useState(false);
  const start = async (kind: 'stats' | 'complaints', format: 'csv' | 'xlsx') => {
    setBusy(true);
    try {
      const period = { from: from.toISOString(), to: to.toISOString() };
      // GraphQL enum names (ExportFormat.CSV / XLSX), not the values the API stores.
      const formatName = format.toUpperCase();
      const started =
        kind === 'stats'
          ? await callOperation<ExportJob>(
              'mutation',
              'exportComplaintStats',
              { period, format: formatName, groupBy: ['TYPE'] },
              { selection: JOB },
            )
          : await callOperation<ExportJob>(
              'mutation',
              'exportComplaints',
              { format: formatName, filter: { receivedFrom: period.from, receivedTo: period.to }, locale: currentLocale() },
              { selection: JOB },
            );
      const done = await pollUntil(
        () => callOperation<ExportJob>('query', 'exportJob', { id: started.id }, { selection: JOB }),
        finished,
        setJob,
      );
      if (done.status === 'failed') throw new Error(done.error ?? translate('app.exports.failed'));
      await downloadWithToken(done.url, done.fileName ?? `export-${done.id}.${format}`);
      notify('app.exports.downloaded', { type: 'success', messageArgs: { rows: done.rowCount ?? 0 } });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const button = (kind: 'stats' | 'complaints', format: 'csv' | 'xlsx') => (
    <Button
      size="small"
      variant="outlined"
      startIcon={<DownloadIcon />}
      disabled={busy}
      onClick={() => start(kind, format)}
      data-testid={`export-${kind}-${format}`}
    >
      {translate(`app.exports.${kind}_${format}`)}
    </Button>
  );
  return (
    <Box data-testid="exports" sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        {button('stats', 'csv')}
        {button('stats', 'xlsx')}
        {button('complaints', 'csv')}
        {button('complaints', 'xlsx')}
      </Box>
      {busy && job && (
        <Box data-testid="export-progress">
          <LinearProgress variant="determinate" value={Math.round((job.progress ?? 0) * 100)} />
          <Typography variant="caption" color="text.secondary">
            {translate('app.exports.progress', { percent: Math.round((job.progress ?? 0) * 100) })}
          </Typography>
        </Box>
      )}
    </Box>
  );
}
