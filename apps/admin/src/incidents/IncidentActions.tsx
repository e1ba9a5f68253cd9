import { useState } from 'react';
import { useNotify, useRecordContext, useRefresh, useTranslate, usePermissions } from 'react-admin';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { callOperation } from '../graphql/schema';
import { can } from '../permissions';

type Outcome = { complaintId: string; number?: string; ok: boolean; reason?: string; message?: string };

/** What a member-wide action did: how many complaints it changed and, for each it could not, the coded reason. */
function Outcomes({ outcomes }: { outcomes: Outcome[] | null }) {
  const translate = useTranslate();
  if (!outcomes) return null;
  const failed = outcomes.filter((o) => !o.ok);
  return (
    <Alert severity={failed.length ? 'warning' : 'success'} sx={{ mt: 1 }} data-testid="incident-outcomes">
      {translate('app.incidents.outcome', { ok: outcomes.length - failed.length, failed: failed.length })}
      {failed.map((o) => (
        <div key={o.complaintId}>
          {o.number}: {o.message ?? o.reason}
        </div>
      ))}
    </Alert>
  );
}

/** Answer all, close, merge, split and release — each one action on the whole incident. */
export function IncidentActions() {
  const record = useRecordContext<any>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions: role } = usePermissions<string>();
  const [dialog, setDialog] = useState<null | 'reply' | 'close' | 'merge' | 'split'>(null);
  const [text, setText] = useState('');
  const [extra, setExtra] = useState('');
  const [mode, setMode] = useState<'close_members' | 'release_members'>('close_members');
  const [selected, setSelected] = useState<string[]>([]);
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);
  const [others, setOthers] = useState<any[]>([]);
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const open = record.state === 'open' || record.state === 'resolved';
  const members = (record.members ?? []).filter((m: any) => !m.releasedAt);

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
      notify('app.notice.done', { type: 'success' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const show = async (which: typeof dialog) => {
    setText('');
    setExtra('');
    setSelected([]);
    setOutcomes(null);
    if (which === 'merge')
      setOthers(
        (await callOperation<any[]>('query', 'incidents', { state: ['open', 'resolved'] }, { depth: 1 })).filter((i) => i.id !== record.id),
      );
    setDialog(which);
  };

  const submit = () =>
    run(async () => {
      if (dialog === 'reply')
        setOutcomes(
          await callOperation<Outcome[]>(
            'mutation',
            'replyToIncident',
            { id: record.id, input: { body: text, solution: extra || undefined } },
            { depth: 1 },
          ),
        );
      if (dialog === 'close')
        setOutcomes((await callOperation<any>('mutation', 'closeIncident', { id: record.id, mode, reason: text }, { depth: 2 })).outcomes);
      if (dialog === 'merge') {
        await callOperation('mutation', 'mergeIncidents', { targetId: text, sourceId: record.id }, { depth: 1 });
        setDialog(null);
      }
      if (dialog === 'split') {
        await callOperation('mutation', 'splitIncident', { id: record.id, complaintIds: selected, title: text }, { depth: 1 });
        setDialog(null);
      }
    });

  if (!open || !can(role, 'complaints') || !['admin', 'manager', 'handler'].includes(role ?? '')) return null;
  return (
    <Box sx={{ my: 1 }}>
      <Stack direction="row" spacing={1}>
        <Button variant="contained" onClick={() => show('reply')} data-testid="incident-reply">
          {translate('app.incidents.reply_all')}
        </Button>
        {can(role, 'approve') && (
          <Button variant="outlined" onClick={() => show('close')} data-testid="incident-close">
            {translate('app.incidents.close')}
          </Button>
        )}
        <Button onClick={() => show('split')}>{translate('app.incidents.split')}</Button>
        <Button onClick={() => show('merge')}>{translate('app.incidents.merge')}</Button>
      </Stack>
      <Dialog open={dialog !== null} onClose={() => setDialog(null)} fullWidth maxWidth="sm">
        <DialogTitle>{dialog ? translate(`app.incidents.${dialog === 'reply' ? 'reply_all' : dialog}`) : ''}</DialogTitle>
        <DialogContent>
          {dialog === 'reply' && (
            <>
              <TextField
                label={translate('app.incidents.reply_text')}
                multiline
                minRows={4}
                fullWidth
                value={text}
                onChange={(e) => setText(e.target.value)}
                sx={{ mt: 1 }}
                slotProps={{ htmlInput: { 'data-testid': 'incident-reply-text' } }}
              />
              <TextField
                label={translate('app.incidents.solution')}
                fullWidth
                value={extra}
                onChange={(e) => setExtra(e.target.value)}
                sx={{ mt: 1 }}
              />
              <Alert severity="info" sx={{ mt: 1 }}>
                {translate('app.incidents.reply_help', { count: members.length })}
              </Alert>
            </>
          )}
          {dialog === 'close' && (
            <>
              <TextField
                select
                label={translate('app.incidents.close_mode')}
                fullWidth
                value={mode}
                onChange={(e) => setMode(e.target.value as typeof mode)}
                sx={{ mt: 1 }}
              >
                <MenuItem value="close_members">{translate('app.incidents.close_members')}</MenuItem>
                <MenuItem value="release_members">{translate('app.incidents.release_members')}</MenuItem>
              </TextField>
              <TextField
                label={translate('app.incidents.reason')}
                multiline
                minRows={2}
                fullWidth
                value={text}
                onChange={(e) => setText(e.target.value)}
                sx={{ mt: 1 }}
              />
            </>
          )}
          {dialog === 'merge' && (
            <TextField
              select
              label={translate('app.incidents.merge_into')}
              fullWidth
              value={text}
              onChange={(e) => setText(e.target.value)}
              sx={{ mt: 1 }}
            >
              {others.map((i) => (
                <MenuItem key={i.id} value={i.id}>
                  {i.title}
                </MenuItem>
              ))}
            </TextField>
          )}
          {dialog === 'split' && (
            <>
              <TextField
                label={translate('app.incidents.new_title')}
                fullWidth
                value={text}
                onChange={(e) => setText(e.target.value)}
                sx={{ mt: 1 }}
              />
              <TextField
                select
                slotProps={{ select: { multiple: true } }}
                label={translate('app.incidents.split_members')}
                fullWidth
                value={selected}
                onChange={(e) => setSelected(e.target.value as unknown as string[])}
                sx={{ mt: 1 }}
              >
                {members.map((m: any) => (
                  <MenuItem key={m.complaintId} value={m.complaintId}>
                    {m.number}
                  </MenuItem>
                ))}
              </TextField>
            </>
          )}
          <Outcomes outcomes={outcomes} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDialog(null)}>{translate('ra.action.close')}</Button>
          <Button
            variant="contained"
            disabled={busy || !text.trim() || (dialog === 'split' && !selected.length)}
            onClick={submit}
            data-testid="incident-submit"
          >
            {translate('ra.action.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
