import { useMemo, useState } from 'react';
import { Title, useLocaleState, useNotify, useTranslate, Link } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  CircularProgress,
  Divider,
  Grid,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import { IntakeFiles, type UploadedFile } from './IntakeFiles';
import { callOperation, loadSchema, namedType, OperationUnavailableError } from '../graphql/schema';
import { GraphQLRequestError } from '../graphql/client';
import { NotAvailable } from '../common/OperationGate';
import { localized } from '../i18n/locale';
import { DynamicFields } from './DynamicFields';
import { fieldKeysForType, validateForm, visibleValues, type FieldDefinition, type IntakeFacts } from './formLogic';
import { buildSubmitInput } from './submitInput';
import { useInstantFormat, usePolicyNames } from '../complaints/display';
import { loadIntakePolicy } from './intakePolicy';
import { treeOrder, treeDepths } from '../policy/complaintTypes/typeTree';

/** What the result card shows (the full complaint, with its timeline and decisions, is one click away). */
const CREATED_SELECTION =
  '{ id number type typeName valid invalidReason severity severityName department state slaStatus resolutionDueAt }';

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
  return callOperation<any>('mutation', 'submitComplaint', { [arg.name]: input }, { selection: CREATED_SELECTION });
}

const numberOf = (created: any) => created?.number ?? created?.complaint?.number ?? '';

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
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [problems, setProblems] = useState<Record<string, { message: string; args?: Record<string, unknown> }>>({});
  const [submitting, setSubmitting] = useState(false);
  const [created, setCreated] = useState<any>(null);

  const intake = policy.data;
  const doc = intake?.doc ?? null;
  const types = useMemo(() => treeOrder((doc?.complaintTypes ?? []).filter((t) => t.active !== false)), [doc]);
  const depths = useMemo(() => treeDepths(types), [types]);
  const fields: FieldDefinition[] = useMemo(() => {
    const byKey = new Map((doc?.fields ?? []).map((f) => [f.key, f]));
    return fieldKeysForType(types, type)
      .map((k) => byKey.get(k))
      .filter(Boolean) as FieldDefinition[];
  }, [doc, types, type]);
  const kind = types.find((t) => t.key === type)?.kind;
  const facts: IntakeFacts = { complaint: { type, channel, kind, form, text } };

  if (policy.error instanceof OperationUnavailableError) return <NotAvailable operations={[policy.error.operation]} />;

  const formValues = () => visibleValues(fields, facts);

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
      const result = await submit({
        type,
        channel,
        title,
        text,
        requestedRemedy,
        customer,
        form: formValues(),
        ...(files.length ? { attachments: files.map((f) => f.id) } : {}),
      });
      setCreated(result?.complaint ?? result);
      notify('app.intake.created', { type: 'success', messageArgs: { number: numberOf(result) } });
      // The next complaint is another customer's: everything is cleared but the channel (the agent's line).
      setForm({});
      setFiles([]);
      setText('');
      setTitle('');
      setRequestedRemedy('');
      setCustomer({ name: '', phone: '' });
      setType('');
      setProblems({});
    } catch (error) {
      if (error instanceof GraphQLRequestError) {
        const byField: typeof problems = {};
        for (const [path, message] of Object.entries(error.body.errors))
          byField[path.replace(/^(form|formValues|fields)\./, '')] = { message: String(message) };
        if (byField.type) byField.__type = byField.type;
        setProblems(byField);
      }
      notify((error as Error).message, { type: 'error' });
    } finally {
      setSubmitting(false);
    }
  };

  const typeProblem = problems.__type ? translate(problems.__type.message, { _: problems.__type.message }) : undefined;

  return (
    <Box sx={{ p: 1 }}>
      <Title title={translate('app.menu.intake')} />
      {policy.isPending && <CircularProgress />}
      {policy.error && !(policy.error instanceof OperationUnavailableError) && (
        <Alert severity="error">{(policy.error as Error).message}</Alert>
      )}
      {intake?.mode === 'unavailable' && (
        <Alert severity="warning" data-testid="intake-policy-unavailable">
          {translate('app.intake.policy_unavailable')}
        </Alert>
      )}
      {intake && doc && (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 7 }}>
            <Card component="form" onSubmit={onSubmit} noValidate data-testid="intake-form" data-mode={intake.mode}>
              <CardHeader title={translate('app.intake.title')} subheader={translate('app.intake.subtitle')} />
              <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
                {intake.mode === 'draft' && <Alert severity="warning">{translate('app.intake.draft_notice')}</Alert>}
                <Box sx={{ display: 'flex', gap: 2 }}>
                  <TextField
                    select
                    fullWidth
                    required
                    name="type"
                    label={translate('app.intake.type')}
                    value={type}
                    onChange={(e) => {
                      setType(e.target.value);
                      setProblems({});
                    }}
                    error={!!problems.__type}
                    helperText={typeProblem}
                    slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'intake-type' } as any } }}
                  >
                    {types.map((t) => (
                      <MenuItem key={t.key} value={t.key} data-value={t.key} sx={{ pl: 2 + (depths[t.key] ?? 0) * 2 }}>
                        {localized(t.name, locale)}
                      </MenuItem>
                    ))}
                  </TextField>
                  <TextField
                    select
                    fullWidth
                    required
                    name="channel"
                    label={translate('app.intake.channel')}
                    value={channel}
                    onChange={(e) => setChannel(e.target.value)}
                    slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'intake-channel' } as any } }}
                  >
                    {(doc.channels ?? []).map((c) => (
                      <MenuItem key={c.key} value={c.key} data-value={c.key}>
                        {localized(c.name, locale)}
                      </MenuItem>
                    ))}
                    {!(doc.channels ?? []).some((c) => c.key === channel) && <MenuItem value={channel}>{channel}</MenuItem>}
                  </TextField>
                </Box>
                <Box sx={{ display: 'flex', gap: 2 }}>
                  <TextField
                    fullWidth
                    name="customer.name"
                    label={translate('app.intake.customer_name')}
                    value={customer.name}
                    onChange={(e) => setCustomer({ ...customer, name: e.target.value })}
                  />
                  <TextField
                    fullWidth
                    name="customer.phone"
                    type="tel"
                    label={translate('app.intake.customer_phone')}
                    value={customer.phone}
                    onChange={(e) => setCustomer({ ...customer, phone: e.target.value })}
                    error={!!problems['complainant.phone']}
                    helperText={problems['complainant.phone']?.message}
                  />
                </Box>
                <TextField
                  name="title"
                  label={translate('app.intake.complaint_title')}
                  value={title}
                  onChange={(e) => setTitle(e.target.value)}
                />
                <TextField
                  name="text"
                  required
                  multiline
                  minRows={4}
                  label={translate('app.intake.text')}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  error={!!problems.__text}
                  helperText={problems.__text ? translate(problems.__text.message) : translate('app.intake.text_help')}
                />
                <TextField
                  name="requestedRemedy"
                  label={translate('app.intake.requested_remedy')}
                  value={requestedRemedy}
                  onChange={(e) => setRequestedRemedy(e.target.value)}
                />
                {type && fields.length > 0 && (
                  <>
                    <Divider textAlign="left">
                      <Typography variant="caption">{translate('app.intake.type_fields')}</Typography>
                    </Divider>
                    <DynamicFields
                      fields={fields}
                      facts={facts}
                      problems={problems}
                      onChange={(key, value) => setForm((f) => ({ ...f, [key]: value }))}
                    />
                  </>
                )}
                <IntakeFiles files={files} onChange={setFiles} />
                <Button type="submit" variant="contained" size="large" disabled={submitting} data-testid="submit-complaint">
                  {translate('app.intake.submit')}
                </Button>
              </CardContent>
            </Card>
          </Grid>
          <Grid size={{ xs: 12, md: 5 }}>
            {created ? <CreatedComplaint created={created} /> : <Alert severity="info">{translate('app.intake.hint')}</Alert>}
          </Grid>
        </Grid>
      )}
    </Box>
  );
}

/** What the policy decided for the new complaint, straight from the API's answer. */
function CreatedComplaint({ created }: { created: any }) {
  const translate = useTranslate();
  // Policy keys by their names and the deadline in the tenant's time zone (issue 20): the agent reads it to the caller.
  const names = usePolicyNames();
  const when = useInstantFormat();
  const rows: [string, React.ReactNode][] = [
    ['resources.complaints.fields.number', created.number],
    ['resources.complaints.fields.type', names.type(created.type)],
    [
      'resources.complaints.fields.valid',
      created.valid === false
        ? translate('app.intake.invalid', {
            reason: translate(`app.invalid_reason.${created.invalidReason}`, { _: created.invalidReason ?? '' }),
          })
        : translate('app.intake.valid'),
    ],
    ['resources.complaints.fields.severity', names.severity(created.severity)],
    ['resources.complaints.fields.department', created.department ? names.department(created.department) : '—'],
    ['resources.complaints.fields.resolutionDueAt', created.resolutionDueAt ? when(created.resolutionDueAt) : '—'],
  ];
  return (
    <Card data-testid="intake-result">
      <CardHeader title={translate('app.intake.created_title', { number: numberOf(created) })} />
      <CardContent>
        {rows.map(([label, value]) => (
          <Box key={label} sx={{ display: 'flex', gap: 2, py: 0.5 }}>
            <Typography variant="body2" color="text.secondary" sx={{ width: 120 }}>
              {translate(label)}
            </Typography>
            <Typography variant="body2" data-testid={`result-${label.split('.').pop()}`}>
              {value}
            </Typography>
          </Box>
        ))}
        {created.id && (
          <Button component={Link} to={`/complaints/${created.id}/show`} sx={{ mt: 1 }} data-testid="open-created">
            {translate('app.intake.open')}
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
