import { useEffect, useState } from 'react';
import { Title, useGetList, useNotify, useTranslate, Link } from 'react-admin';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  CircularProgress,
  FormControl,
  IconButton,
  InputLabel,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  MenuItem,
  Select,
  Stack,
  Tab,
  Tabs,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import DeleteIcon from '@mui/icons-material/Delete';
import AddIcon from '@mui/icons-material/Add';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import CancelIcon from '@mui/icons-material/Cancel';
import { loadDraft } from '../dataProvider/policyDraft';
import { callOperation } from '../graphql/schema';
import { GraphQLRequestError, type ApiProblem } from '../graphql/client';
import { OperationGate } from '../common/OperationGate';
import { useOperations } from '../graphql/useOperations';
import ConditionEditor from './ConditionEditor';
import { OutcomeEditor } from './OutcomeEditor';
import { locateProblems, problemCountByTable } from './problems';
import { runTests, validateDraft, type TestOutcome } from './policyOperations';
import { ExpectSummary } from '../policy/tests';

const TABLES = ['validity', 'severity', 'routing', 'sla'] as const;
const HIT_POLICIES = ['first', 'collect', 'priority'] as const;

interface Row {
  key: string;
  when: unknown;
  then: unknown;
  priority?: number;
  description?: string;
}
interface Table {
  key: string;
  hitPolicy: string;
  rows: Row[];
  default?: unknown;
}

const newRowKey = (rows: Row[]) => {
  let n = rows.length + 1;
  while (rows.some((r) => r.key === `row_${n}`)) n += 1;
  return `row_${n}`;
};

function TableEditor({
  tableKey,
  initial,
  problems,
  onSaved,
}: {
  tableKey: string;
  initial: Table;
  problems: ApiProblem[];
  onSaved: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const [table, setTable] = useState<Table>(initial);
  const [saving, setSaving] = useState(false);
  const [saveProblems, setSaveProblems] = useState<ApiProblem[]>([]);
  // A new draft from the server (after saving or importing) replaces the local copy.
  useEffect(() => setTable(initial), [initial]);
  const located = locateProblems(
    [...saveProblems, ...problems],
    tableKey,
    table.rows.map((r) => r.key),
  );
  const dirty = JSON.stringify(table) !== JSON.stringify(initial);

  const updateRow = (index: number, patch: Partial<Row>) =>
    setTable((t) => ({ ...t, rows: t.rows.map((r, i) => (i === index ? { ...r, ...patch } : r)) }));
  const move = (index: number, by: number) =>
    setTable((t) => {
      const rows = [...t.rows];
      const [row] = rows.splice(index, 1);
      rows.splice(index + by, 0, row);
      return { ...t, rows };
    });

  const save = async () => {
    setSaving(true);
    setSaveProblems([]);
    try {
      await callOperation('mutation', 'setRuleSet', { key: tableKey, table }, { selection: '{ __typename }' });
      notify('app.rules.saved', { type: 'success' });
      onSaved();
    } catch (error) {
      if (error instanceof GraphQLRequestError) {
        setSaveProblems(error.problems.length ? error.problems : [{ path: error.field, message: error.message }]);
      }
      notify((error as Error).message, { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack spacing={2} data-testid={`table-${tableKey}`}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <FormControl size="small" sx={{ minWidth: 220 }}>
          <InputLabel>{translate('app.rules.hit_policy')}</InputLabel>
          <Select
            label={translate('app.rules.hit_policy')}
            value={table.hitPolicy}
            onChange={(e) => setTable({ ...table, hitPolicy: e.target.value })}
          >
            {HIT_POLICIES.map((h) => (
              <MenuItem key={h} value={h}>
                {translate(`app.hit_policy.${h}`)}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
          {translate(`app.rules.table_help.${tableKey}`)}
        </Typography>
        <Button
          variant="contained"
          onClick={save}
          disabled={saving || !dirty}
          data-testid="save-table"
          startIcon={saving ? <CircularProgress size={16} /> : undefined}
        >
          {translate('app.rules.save_table')}
        </Button>
      </Box>
      {located.table.map((p, i) => (
        <Alert key={i} severity="error">
          {p}
        </Alert>
      ))}
      {table.rows.map((row, index) => {
        const rowProblems = located.rows[index];
        return (
          <Card
            key={index}
            variant="outlined"
            sx={{ borderColor: rowProblems ? 'error.main' : undefined }}
            data-testid={`rule-row-${index}`}
          >
            <CardContent>
              <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 1 }}>
                <Chip label={translate('app.rules.row_number', { n: index + 1 })} size="small" color="primary" />
                <TextField
                  size="small"
                  label={translate('app.rules.row_key')}
                  name={`row-key-${index}`}
                  value={row.key}
                  onChange={(e) => updateRow(index, { key: e.target.value })}
                />
                {table.hitPolicy === 'priority' && (
                  <TextField
                    size="small"
                    type="number"
                    sx={{ width: 120 }}
                    label={translate('app.rules.priority')}
                    value={row.priority ?? ''}
                    onChange={(e) => updateRow(index, { priority: e.target.value === '' ? undefined : Number(e.target.value) })}
                  />
                )}
                <TextField
                  size="small"
                  sx={{ flex: 1 }}
                  name={`row-description-${index}`}
                  label={translate('app.rules.row_description')}
                  value={row.description ?? ''}
                  onChange={(e) => updateRow(index, { description: e.target.value || undefined })}
                />
                <Tooltip title={translate('ra.action.move_up')}>
                  <span>
                    <IconButton disabled={index === 0} onClick={() => move(index, -1)} data-testid={`move-up-${index}`}>
                      <ArrowUpwardIcon />
                    </IconButton>
                  </span>
                </Tooltip>
                <Tooltip title={translate('ra.action.move_down')}>
                  <span>
                    <IconButton disabled={index === table.rows.length - 1} onClick={() => move(index, 1)}>
                      <ArrowDownwardIcon />
                    </IconButton>
                  </span>
                </Tooltip>
                <Tooltip title={translate('ra.action.delete')}>
                  <IconButton onClick={() => setTable({ ...table, rows: table.rows.filter((_, i) => i !== index) })}>
                    <DeleteIcon />
                  </IconButton>
                </Tooltip>
              </Box>
              {rowProblems?.row.map((p, i) => (
                <Alert key={i} severity="error" sx={{ mb: 1 }} data-testid="row-problem">
                  {p}
                </Alert>
              ))}
              <Typography variant="subtitle2" sx={{ mt: 1 }}>
                {translate('app.rules.when')}
              </Typography>
              <ConditionEditor
                key={`${tableKey}-${index}-${row.key}`}
                value={row.when}
                onChange={(when) => updateRow(index, { when })}
                problems={rowProblems?.when}
                testId={`condition-${index}`}
              />
              <Typography variant="subtitle2" sx={{ mt: 2, mb: 1 }}>
                {translate('app.rules.then')}
              </Typography>
              <OutcomeEditor tableKey={tableKey} value={row.then} onChange={(then) => updateRow(index, { then })} />
              {rowProblems?.then.map((p, i) => (
                <Alert key={i} severity="error" sx={{ mt: 1 }}>
                  {p}
                </Alert>
              ))}
            </CardContent>
          </Card>
        );
      })}
      <Box>
        <Button
          startIcon={<AddIcon />}
          onClick={() =>
            setTable({
              ...table,
              rows: [
                ...table.rows,
                {
                  key: newRowKey(table.rows),
                  when: true,
                  then: tableKey === 'validity' ? { valid: true } : tableKey === 'routing' ? {} : undefined,
                },
              ],
            })
          }
          data-testid="add-row"
        >
          {translate('app.rules.add_row')}
        </Button>
      </Box>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="subtitle2" sx={{ mb: 1 }}>
            {translate('app.rules.default')}
          </Typography>
          <OutcomeEditor tableKey={tableKey} value={table.default} onChange={(value) => setTable({ ...table, default: value })} />
        </CardContent>
      </Card>
    </Stack>
  );
}

/** Rule test cases beside the rules: run them against the draft and see which pass. */
function TestsPanel() {
  const translate = useTranslate();
  const notify = useNotify();
  const { has } = useOperations('runPolicyTests');
  const { data: tests = [] } = useGetList('tests', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'key', order: 'ASC' } });
  const [results, setResults] = useState<TestOutcome[] | null>(null);
  const [running, setRunning] = useState(false);
  const run = async () => {
    setRunning(true);
    try {
      setResults(await runTests());
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setRunning(false);
    }
  };
  const byKey = new Map((results ?? []).map((r) => [r.key, r]));
  return (
    <Card variant="outlined" data-testid="tests-panel">
      <CardHeader
        title={translate('resources.tests.name', { smart_count: 2 })}
        titleTypographyProps={{ variant: 'subtitle1' }}
        action={
          <Button size="small" variant="outlined" disabled={!has('runPolicyTests') || running} onClick={run} data-testid="run-tests">
            {translate('app.tests.run')}
          </Button>
        }
      />
      <CardContent sx={{ pt: 0 }}>
        {!has('runPolicyTests') && (
          <Alert severity="info">{translate('app.notice.not_available_body', { operations: 'runPolicyTests' })}</Alert>
        )}
        {results && (
          <Alert severity={results.every((r) => r.passed) ? 'success' : 'error'} sx={{ mb: 1 }} data-testid="tests-summary">
            {translate('app.tests.summary', { passed: results.filter((r) => r.passed).length, total: results.length })}
          </Alert>
        )}
        <List dense>
          {tests.map((test: any) => {
            const result = byKey.get(test.key);
            return (
              <ListItem key={test.key} component={Link} to={`/tests/${encodeURIComponent(test.key)}`} sx={{ color: 'inherit' }}>
                <ListItemIcon sx={{ minWidth: 32 }}>
                  {result ? result.passed ? <CheckCircleIcon color="success" /> : <CancelIcon color="error" /> : null}
                </ListItemIcon>
                <ListItemText
                  primary={test.description || test.key}
                  secondary={result && !result.passed ? result.failures.join('；') : <ExpectSummary expect={test.expect} />}
                />
              </ListItem>
            );
          })}
        </List>
        <Button component={Link} to="/tests/create" size="small" startIcon={<AddIcon />}>
          {translate('app.tests.add')}
        </Button>
      </CardContent>
    </Card>
  );
}

export default function RuleBuilderPage() {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const [tab, setTab] = useState<(typeof TABLES)[number]>('routing');
  const draft = useQuery({ queryKey: ['draftPolicy'], queryFn: loadDraft });
  const { has } = useOperations('validatePolicyDraft');
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [validating, setValidating] = useState(false);
  const counts = problemCountByTable(problems);
  const validate = async () => {
    setValidating(true);
    try {
      setProblems(await validateDraft());
    } finally {
      setValidating(false);
    }
  };
  return (
    <Box sx={{ p: 1 }}>
      <Title title={translate('app.menu.rule_builder')} />
      <OperationGate operations={['draftPolicyJson', 'setRuleSet']}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
          <Tabs value={tab} onChange={(_, next) => setTab(next)} sx={{ flex: 1 }}>
            {TABLES.map((t) => (
              <Tab
                key={t}
                value={t}
                data-testid={`tab-${t}`}
                label={
                  <Badge color="error" badgeContent={counts[t] ?? 0}>
                    {translate(`app.rules.tables.${t}`)}
                  </Badge>
                }
              />
            ))}
          </Tabs>
          <Button variant="outlined" onClick={validate} disabled={!has('validatePolicyDraft') || validating} data-testid="validate-draft">
            {translate('app.rules.validate')}
          </Button>
        </Box>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <Box sx={{ flex: '3 1 640px', minWidth: 0 }}>
            {draft.isPending && <CircularProgress />}
            {draft.error && <Alert severity="error">{(draft.error as Error).message}</Alert>}
            {draft.data && (
              <TableEditor
                key={tab}
                tableKey={tab}
                initial={((draft.data.rules as any)?.[tab] ?? { key: tab, hitPolicy: 'first', rows: [] }) as Table}
                problems={problems}
                onSaved={() => queryClient.invalidateQueries({ queryKey: ['draftPolicy'] })}
              />
            )}
          </Box>
          <Box sx={{ flex: '1 1 320px' }}>
            <TestsPanel />
          </Box>
        </Box>
      </OperationGate>
    </Box>
  );
}
