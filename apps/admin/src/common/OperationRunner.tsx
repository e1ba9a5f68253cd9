import { useState, type ReactNode } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { Alert, Box, Button, CircularProgress, MenuItem, TextField } from '@mui/material';
import { callOperation, namedType } from '../graphql/schema';
import { GraphQLRequestError, type ApiProblem } from '../graphql/client';
import { useSchema } from '../graphql/useOperations';
import { NotAvailable } from './OperationGate';
import { ResultView } from './ResultView';

interface Props {
  operation: string;
  label: string;
  /** Arguments the screen supplies itself (not asked from the user). */
  fixedArgs?: Record<string, unknown>;
  /** Initial values for the inputs shown. */
  initialArgs?: Record<string, string>;
  onDone?: (result: unknown) => void;
  renderResult?: (result: any) => ReactNode;
  color?: 'primary' | 'secondary' | 'error' | 'success' | 'warning';
  confirm?: string;
  testId?: string;
  /** Arguments picked from a list instead of typed (e.g. policy versions), by argument name. */
  choices?: Record<string, { value: string; label: string }[]>;
}

/**
 * Runs one API operation: an input per argument the schema declares (Int → number, JSON → JSON text), a button, and
 * the result or the API's problems. Used for publish, approve, diff, rollback and simulate, whose arguments the
 * policy API owns.
 */
export function OperationRunner({
  operation,
  label,
  fixedArgs = {},
  initialArgs = {},
  onDone,
  renderResult,
  color = 'primary',
  confirm,
  testId,
  choices = {},
}: Props) {
  const translate = useTranslate();
  const notify = useNotify();
  const { schema, isPending } = useSchema();
  const [values, setValues] = useState<Record<string, string>>(initialArgs);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<unknown>(undefined);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  if (isPending || !schema) return <CircularProgress size={20} />;
  const kind = schema.mutations.has(operation) ? 'mutation' : schema.queries.has(operation) ? 'query' : null;
  if (!kind) return <NotAvailable operations={[operation]} />;
  const field = (kind === 'mutation' ? schema.mutations : schema.queries).get(operation)!;
  const asked = field.args.filter((a) => !(a.name in fixedArgs));
  const convert = (name: string, text: string) => {
    const arg = field.args.find((a) => a.name === name)!;
    const type = namedType(arg.type).name;
    if (text === '') return undefined;
    if (type === 'Int' || type === 'Float') return Number(text);
    if (type === 'Boolean') return text === 'true';
    if (type === 'JSON' || schema.types.get(type ?? '')?.kind === 'INPUT_OBJECT') {
      try {
        return JSON.parse(text);
      } catch {
        return text;
      }
    }
    return text;
  };
  const run = async () => {
    if (confirm && !window.confirm(translate(confirm))) return;
    setRunning(true);
    setProblems([]);
    setError(null);
    try {
      const args = { ...fixedArgs, ...Object.fromEntries(asked.map((a) => [a.name, convert(a.name, values[a.name] ?? '')])) };
      const value = await callOperation(kind, operation, args, { depth: 4 });
      setResult(value);
      onDone?.(value);
      notify('app.notice.done', { type: 'success' });
    } catch (e) {
      if (e instanceof GraphQLRequestError) setProblems(e.problems);
      setError((e as Error).message);
    } finally {
      setRunning(false);
    }
  };
  return (
    <Box data-testid={testId}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        {asked.map((arg) => {
          const enumValues = schema.types.get(namedType(arg.type).name ?? '')?.enumValues;
          const listed = choices[arg.name];
          return (
            <TextField
              key={arg.name}
              size="small"
              label={translate(`app.args.${arg.name}`, { _: arg.name })}
              required={arg.type.kind === 'NON_NULL'}
              select={!!enumValues || !!listed}
              sx={{ minWidth: enumValues || listed ? 180 : undefined }}
              value={values[arg.name] ?? ''}
              onChange={(e) => setValues({ ...values, [arg.name]: e.target.value })}
              name={arg.name}
            >
              {listed?.map((c) => (
                <MenuItem key={c.value} value={c.value}>
                  {c.label}
                </MenuItem>
              ))}
              {!listed &&
                enumValues?.map((v) => (
                  <MenuItem key={v.name} value={v.name}>
                    {translate(`app.enum.${v.name}`, { _: v.name })}
                  </MenuItem>
                ))}
            </TextField>
          );
        })}
        <Button
          variant="contained"
          color={color}
          onClick={run}
          disabled={running}
          startIcon={running ? <CircularProgress size={16} /> : undefined}
        >
          {translate(label)}
        </Button>
      </Box>
      {error && (
        <Alert severity="error" sx={{ mt: 1 }} data-testid="operation-error">
          {error}
          {problems.length > 0 && (
            <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
              {problems.map((p, i) => (
                <li key={i}>
                  {(p.path ?? p.field) ? <code>{p.path ?? p.field}</code> : null} {p.message}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {result !== undefined && <Box sx={{ mt: 1 }}>{renderResult ? renderResult(result) : <ResultView value={result} />}</Box>}
    </Box>
  );
}
