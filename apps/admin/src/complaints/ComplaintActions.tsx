import { useState } from 'react';
import { useGetList, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { Alert, Box, Button, Card, CardContent, CardHeader, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { OperationRunner } from '../common/OperationRunner';
import { callOperation } from '../graphql/schema';
import { useOperations } from '../graphql/useOperations';
import { localized } from '../i18n/locale';
import { renderTemplate } from '../policy/templates/variables';

/** Reply from a template: pick one, the variables are filled from the complaint, edit, send. */
function ReplyFromTemplate({ onDone }: { onDone: () => void }) {
  const record = useRecordContext<any>();
  const translate = useTranslate();
  const notify = useNotify();
  const { has } = useOperations('replyToComplaint');
  const { data: templates = [] } = useGetList('templates', { pagination: { page: 1, perPage: 1000 } });
  const [templateKey, setTemplateKey] = useState('');
  const [body, setBody] = useState('');
  const [sending, setSending] = useState(false);
  if (!has('replyToComplaint')) return <Typography variant="body2" color="text.secondary">{translate('app.notice.not_available_body', { operations: 'replyToComplaint' })}</Typography>;
  const values: Record<string, string | undefined> = {
    'complaint.number': record?.number, 'complaint.text': record?.text, 'complaint.reference': record?.reference,
    'customer.name': record?.customer?.name ?? record?.customerName, 'complaint.receivedAt': record?.receivedAt,
  };
  const choose = (key: string) => {
    setTemplateKey(key);
    const template: any = templates.find((t: any) => t.key === key);
    setBody(renderTemplate(template?.body ?? '', (name) => values[name]));
  };
  const send = async () => {
    setSending(true);
    try {
      await callOperation('mutation', 'replyToComplaint', { id: record.id, complaintId: record.id, templateKey: templateKey || undefined, template: templateKey || undefined, body, text: body, message: body });
      notify('app.notice.done', { type: 'success' });
      onDone();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setSending(false);
    }
  };
  return (
    <Stack spacing={1}>
      <TextField select size="small" label={translate('app.complaint.template')} value={templateKey} onChange={(e) => choose(e.target.value)}>
        {templates.map((t: any) => <MenuItem key={t.key} value={t.key}>{localized(t.name)}</MenuItem>)}
      </TextField>
      <TextField multiline minRows={4} size="small" label={translate('app.complaint.reply_body')} value={body} onChange={(e) => setBody(e.target.value)} />
      <Button variant="contained" disabled={!body || sending} onClick={send}>{translate('app.complaint.send_reply')}</Button>
    </Stack>
  );
}

/** What a handler can do with the complaint; each action appears when the API offers it. */
export function ComplaintActions({ onDone }: { onDone: () => void }) {
  const record = useRecordContext<any>();
  const translate = useTranslate();
  if (!record) return null;
  const fixed = { id: record.id, complaintId: record.id };
  const section = (title: string, body: React.ReactNode) => (
    <Box>
      <Typography variant="subtitle2" sx={{ mb: 1 }}>{translate(title)}</Typography>
      {body}
    </Box>
  );
  return (
    <Card sx={{ width: 360, ml: 2 }} data-testid="complaint-actions">
      <CardHeader title={translate('app.complaint.actions')} titleTypographyProps={{ variant: 'subtitle1' }} />
      <CardContent>
        <Stack spacing={3}>
          {(record.closedAt || record.state === 'closed') && <Alert severity="info">{translate('app.complaint.closed')}</Alert>}
          {section('app.complaint.transition', <OperationRunner operation="transition" label="app.complaint.do_transition" fixedArgs={fixed} onDone={onDone} renderResult={() => null} />)}
          {section('app.complaint.assign', <OperationRunner operation="assignComplaint" label="app.complaint.do_assign" fixedArgs={fixed} onDone={onDone} renderResult={() => null} />)}
          {section('app.complaint.reply', <ReplyFromTemplate onDone={onDone} />)}
          {section('app.complaint.follow_up', <OperationRunner operation="recordFollowUp" label="app.complaint.do_follow_up" fixedArgs={fixed} onDone={onDone} renderResult={() => null} />)}
          {section('app.complaint.extend', <OperationRunner operation="extendDeadline" label="app.complaint.do_extend" fixedArgs={fixed} onDone={onDone} renderResult={() => null} />)}
        </Stack>
      </CardContent>
    </Card>
  );
}
