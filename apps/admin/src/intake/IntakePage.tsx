import { useMemo, useState } from 'react';
import { Title, useLocaleState, useNotify, useTranslate, Link } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { Alert, Box, Button, Card, CardContent, CardHeader, CircularProgress, Divider, Grid, MenuItem, TextField, Typography } from '@mui/material';
import { callOperation, loadSchema, namedType, OperationUnavailableError } from '../graphql/schema';
import { GraphQLRequestError } from '../graphql/client';
import { loadDraft, type PolicyDocument } from '../dataProvider/policyDraft';
import { NotAvailable } from '../common/OperationGate';
import { ResultView } from '../common/ResultView';
import { localized } from '../i18n/locale';
import { DynamicFields } from './DynamicFields';
import { fieldKeysForType, validateForm, visibleValues, type FieldDefinition, type IntakeFacts } from './formLogic';
import { buildSubmitInput } from './submitInput';
import { treeOrder, treeDepths } from '../policy/complaintTypes/typeTree';

/** The policy the intake form follows: the published one when the API offers it to agents, else the draft. */
async function loadIntakePolicy(): Promise<PolicyDocument> {
  const schema = await loadSchema();
  if (schema.queries.has('currentPolicyVersion')) {
    const current = await callOperation<any>('query', 'currentPolicyVersion', {}, { selection: '{ documentJson }' }).catch(() => null);
    if (current?.documentJson) return (typeof current.documentJson === 'string' ? JSON.parse(current.documentJson) : current.documentJson) as PolicyDocument;
  }
  for (const name of ['currentPolicyJson', 'currentPolicy', 'publishedPolicy']) {
    if (schema.queries.has(name)) {
      const value = await callOperation<any>('query', name, {}, { selection: schema.types.get(namedType(schema.queries.get(name)!.type).name ?? '')?.kind === 'SCALAR' ? '' : undefined, depth: 6 });
      const parsed = typeof value === 'string' ? JSON.parse(value) : value;
      if (parsed) return (parsed.document ?? parsed) as PolicyDocument;
    }
  }
  return loadDraft();
}

async function submit(values: Parameters<typeof buildSubmitInput>[1]) {
  const schema = await loadSchema();
  const field = schema.mutations.get('submitComplaint');
  if (!field) throw new OperationUnavailableError('submitComplaint');
  const arg = field.args[0];
  const inputType = schema.types.get(namedType(arg.type).name ?? '');
  const fields = (inputType?.inputFields ?? []).map((f) => ({
    name: f.name,
    nestedFields: schema.types.get(namedType(f.type).name ?? '')?.inputFields?.map((n) => n.name),
  }));
  const input = inputType?.kind === 'INPUT_OBJECT' ? buildSubmitInput(fields, values) : values;
  return callOperation<any>('mutation', 'submitComplaint', { [arg.name]: input }, { depth: 3 });
}

/** Registering a complaint as an agent on the phone would: type, channel, customer, content, then the type's own fields. */
export function IntakePage() {
  const translate = useTranslate();
  const notify = useNotify();
  const [localeState] = useLocaleState();
  const locale = localeState === 'en' ? 'en' : 'zh-CN';
  const policy = useQuery({ queryKey: ['intakePolicy'], queryFn: loadIntakePolicy });
  const [type, setType] = useState('');
  const [channel, setChannel] = useState('phone');
  const [customer, setCustomer] = useState({ name: '', phone: '' });
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [requestedRemedy, setRequestedRemedy] = useState('');
  const [form, setForm] = useState<Record<string, unknown>>({});
  const [problems, setProblems] = useState<Record<string, { message: string; args?: Record<string, unknown> }>>({});
  const [submitting, setSubmitting] = useState(false);
  const [created, setCreated] = useState<any>(null);

  const doc = policy.data;
  const types = useMemo(() => treeOrder((doc?.complaintTypes ?? []).filter((t) => t.active !== false)), [doc]);
  const depths = useMemo(() => treeDepths(types), [types]);
  const fields: FieldDefinition[] = useMemo(() => {
    const byKey = new Map((doc?.fields ?? []).map((f) => [f.key, f]));
    return fieldKeysForType(types, type).map((k) => byKey.get(k)).filter(Boolean) as FieldDefinition[];
  }, [doc, types, type]);
  const kind = types.find((t) => t.key === type)?.kind;
  const facts: IntakeFacts = { complaint: { type, channel, kind, form, text } };

  if (policy.error instanceof OperationUnavailableError) return <NotAvailable operations={[policy.error.operation]} />;

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found = validateForm(fields, facts);
    if (!type) found.__type = { message: 'ra.validation.required' };
    if (!text.trim()) found.__text = { message: 'ra.validation.required' };
    setProblems(found);
    if (Object.keys(found).length) {
      notify('ra.message.invalid_form', { type: 'error' });
      return;
    }
    setSubmitting(true);
    try {
      const result = await submit({ type, channel, title, text, requestedRemedy, customer, form: visibleValues(fields, facts) });
      setCreated(result?.complaint ?? result);
      notify('app.intake.created', { type: 'success', messageArgs: { number: result?.number ?? result?.complaint?.number ?? '' } });
      setForm({});
      setText('');
      setTitle('');
      setRequestedRemedy('');
    } catch (error) {
      if (error instanceof GraphQLRequestError) {
        const byField: typeof problems = {};
        for (const [path, message] of Object.entries(error.body.errors)) byField[path.replace(/^(form|formValues|fields)\./, '')] = { message: String(message) };
        setProblems(byField);
      }
      notify((error as Error).message, { type: 'error' });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Box sx={{ p: 1 }}>
      <Title title={translate('app.menu.intake')} />
      {policy.isPending && <CircularProgress />}
      {policy.error && !(policy.error instanceof OperationUnavailableError) && <Alert severity="error">{(policy.error as Error).message}</Alert>}
      {doc && (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 7 }}>
            <Card component="form" onSubmit={onSubmit} noValidate data-testid="intake-form">
              <CardHeader title={translate('app.intake.title')} subheader={translate('app.intake.subtitle')} />
              <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
                <Box sx={{ display: 'flex', gap: 2 }}>
                  <TextField select fullWidth required name="type" label={translate('app.intake.type')} value={type} onChange={(e) => { setType(e.target.value); setProblems({}); }}
                    error={!!problems.__type} helperText={problems.__type ? translate(problems.__type.message) : undefined}>
                    {types.map((t) => <MenuItem key={t.key} value={t.key} sx={{ pl: 2 + (depths[t.key] ?? 0) * 2 }}>{localized(t.name, locale)}</MenuItem>)}
                  </TextField>
                  <TextField select fullWidth required name="channel" label={translate('app.intake.channel')} value={channel} onChange={(e) => setChannel(e.target.value)}>
                    {(doc.channels ?? []).map((c) => <MenuItem key={c.key} value={c.key}>{localized(c.name, locale)}</MenuItem>)}
                    {!(doc.channels ?? []).some((c) => c.key === channel) && <MenuItem value={channel}>{channel}</MenuItem>}
                  </TextField>
                </Box>
                <Box sx={{ display: 'flex', gap: 2 }}>
                  <TextField fullWidth name="customer.name" label={translate('app.intake.customer_name')} value={customer.name} onChange={(e) => setCustomer({ ...customer, name: e.target.value })} />
                  <TextField fullWidth name="customer.phone" type="tel" label={translate('app.intake.customer_phone')} value={customer.phone} onChange={(e) => setCustomer({ ...customer, phone: e.target.value })} />
                </Box>
                <TextField name="title" label={translate('app.intake.complaint_title')} value={title} onChange={(e) => setTitle(e.target.value)} />
                <TextField name="text" required multiline minRows={4} label={translate('app.intake.text')} value={text} onChange={(e) => setText(e.target.value)}
                  error={!!problems.__text} helperText={problems.__text ? translate(problems.__text.message) : translate('app.intake.text_help')} />
                <TextField name="requestedRemedy" label={translate('app.intake.requested_remedy')} value={requestedRemedy} onChange={(e) => setRequestedRemedy(e.target.value)} />
                {type && fields.length > 0 && (
                  <>
                    <Divider textAlign="left"><Typography variant="caption">{translate('app.intake.type_fields')}</Typography></Divider>
                    <DynamicFields fields={fields} facts={facts} problems={problems} onChange={(key, value) => setForm((f) => ({ ...f, [key]: value }))} />
                  </>
                )}
                <Button type="submit" variant="contained" size="large" disabled={submitting} data-testid="submit-complaint">
                  {translate('app.intake.submit')}
                </Button>
              </CardContent>
            </Card>
          </Grid>
          <Grid size={{ xs: 12, md: 5 }}>
            {created ? (
              <Card data-testid="intake-result">
                <CardHeader title={translate('app.intake.created_title', { number: created.number ?? '' })} />
                <CardContent>
                  <ResultView value={Object.fromEntries(Object.entries(created).filter(([k]) => ['number', 'state', 'severity', 'severityKey', 'department', 'departmentKey', 'dueAt', 'slaClocks', 'valid'].includes(k)))} />
                  {created.id && <Button component={Link} to={`/complaints/${created.id}/show`} sx={{ mt: 1 }}>{translate('app.intake.open')}</Button>}
                </CardContent>
              </Card>
            ) : (
              <Alert severity="info">{translate('app.intake.hint')}</Alert>
            )}
          </Grid>
        </Grid>
      )}
    </Box>
  );
}
