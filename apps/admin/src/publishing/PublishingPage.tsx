import { useState } from 'react';
import { Title, usePermissions, useTranslate } from 'react-admin';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  CircularProgress,
  Step,
  StepLabel,
  Stepper,
  TextField,
  Typography,
} from '@mui/material';
import { callOperation } from '../graphql/schema';
import { NotAvailable } from '../common/OperationGate';
import { OperationRunner } from '../common/OperationRunner';
import { ResultView } from '../common/ResultView';
import { runTests, validateDraft, type TestOutcome } from '../rule-builder/policyOperations';
import type { ApiProblem } from '../graphql/client';
import { useOperations } from '../graphql/useOperations';
import { can } from '../permissions';
import { PolicyTransfer, useVersionChoices } from './policyTransfer';

/**
 * Test and publish: check the draft, run the rule tests, simulate the draft on recent complaints, then publish
 * (a second person approves when the policy requires maker-checker). Diff and rollback live here too.
 */
export default function PublishingPage() {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const { permissions: role } = usePermissions<string>();
  const { has } = useOperations('validatePolicyDraft', 'runPolicyTests');
  const [problems, setProblems] = useState<ApiProblem[] | null>(null);
  const [tests, setTests] = useState<TestOutcome[] | null>(null);
  const [checking, setChecking] = useState(false);
  const failing = tests?.filter((t) => !t.passed) ?? [];
  const refreshVersions = () => queryClient.invalidateQueries({ queryKey: ['policyVersions'] });
  // Versions are picked from the list (which one is live is marked), not typed as numbers.
  const versions = useVersionChoices();

  const check = async () => {
    setChecking(true);
    try {
      if (has('validatePolicyDraft')) setProblems(await validateDraft());
      if (has('runPolicyTests')) setTests(await runTests());
    } finally {
      setChecking(false);
    }
  };
  const ready = problems !== null && problems.length === 0 && failing.length === 0;
  const activeStep = problems === null ? 0 : ready ? 2 : 1;

  return (
    <Box sx={{ p: 1, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Title title={translate('app.menu.publishing')} />
      <Stepper activeStep={activeStep} alternativeLabel>
        {['check', 'simulate', 'publish'].map((s) => (
          <Step key={s}>
            <StepLabel>{translate(`app.publishing.steps.${s}`)}</StepLabel>
          </Step>
        ))}
      </Stepper>
      {can(role, 'rules') && (
        <Card variant="outlined">
          <CardHeader title={translate('app.publishing.check_title')} subheader={translate('app.publishing.check_help')} />
          <CardContent>
            <Button variant="contained" onClick={check} disabled={checking} data-testid="check-draft">
              {translate('app.publishing.check')}
            </Button>
            {problems && problems.length === 0 && (
              <Alert severity="success" sx={{ mt: 1 }}>
                {translate('app.publishing.no_problems')}
              </Alert>
            )}
            {problems && problems.length > 0 && (
              <Alert severity="error" sx={{ mt: 1 }} data-testid="draft-problems">
                {translate('app.publishing.problems', { smart_count: problems.length })}
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {problems.map((p, i) => (
                    <li key={i}>
                      <code>{p.path}</code> {p.message}
                    </li>
                  ))}
                </ul>
              </Alert>
            )}
            {tests && (
              <Alert severity={failing.length ? 'error' : 'success'} sx={{ mt: 1 }} data-testid="publish-tests">
                {translate('app.tests.summary', { passed: tests.length - failing.length, total: tests.length })}
                {failing.length > 0 && (
                  <ul style={{ margin: 0, paddingLeft: 20 }}>
                    {failing.map((t) => (
                      <li key={t.key}>
                        <b>{t.key}</b>：{t.failures.join('；')}
                      </li>
                    ))}
                  </ul>
                )}
              </Alert>
            )}
          </CardContent>
        </Card>
      )}
      {can(role, 'rules') && (
        <Card variant="outlined">
          <CardHeader title={translate('app.publishing.simulate_title')} subheader={translate('app.publishing.simulate_help')} />
          <CardContent>
            <SimulateOnRecent />
          </CardContent>
        </Card>
      )}
      {can(role, 'rules') && (
        <Card variant="outlined">
          <CardHeader title={translate('app.publishing.publish_title')} subheader={translate('app.publishing.publish_help')} />
          <CardContent>
            {!ready && (
              <Typography variant="body2" color="warning.main" sx={{ mb: 1 }}>
                {translate('app.publishing.check_first')}
              </Typography>
            )}
            <OperationRunner
              operation="publishPolicy"
              label="app.publishing.publish"
              confirm="app.publishing.confirm_publish"
              testId="publish"
              onDone={refreshVersions}
            />
          </CardContent>
        </Card>
      )}
      {can(role, 'approve') && (
        <Card variant="outlined">
          <CardHeader title={translate('app.publishing.approve_title')} subheader={translate('app.publishing.approve_help')} />
          <CardContent>
            <OperationRunner
              operation="approvePolicyVersion"
              label="app.publishing.approve"
              color="success"
              testId="approve"
              onDone={refreshVersions}
            />
          </CardContent>
        </Card>
      )}
      <Card variant="outlined">
        <CardHeader title={translate('app.publishing.diff_title')} />
        <CardContent>
          <OperationRunner
            operation="policyDiff"
            label="app.publishing.diff"
            testId="diff"
            choices={{ from: versions.withDraft, to: versions.withDraft }}
          />
        </CardContent>
      </Card>
      {can(role, 'rules') && (
        <Card variant="outlined">
          <CardHeader title={translate('app.publishing.rollback_title')} subheader={translate('app.publishing.rollback_help')} />
          <CardContent>
            <OperationRunner
              operation="rollbackPolicy"
              label="app.publishing.rollback"
              color="warning"
              confirm="app.publishing.confirm_rollback"
              testId="rollback"
              onDone={refreshVersions}
              choices={{ version: versions.published }}
            />
          </CardContent>
        </Card>
      )}
      {can(role, 'rules') && <PolicyTransfer />}
    </Box>
  );
}

/** Runs the draft and the current version over the last N complaints (`simulatePolicy(sample: {lastN})`). */
function SimulateOnRecent() {
  const translate = useTranslate();
  const { has, isPending } = useOperations('simulatePolicy');
  const [lastN, setLastN] = useState(200);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<any>(null);
  const [error, setError] = useState<string | null>(null);
  if (isPending) return <CircularProgress size={20} />;
  if (!has('simulatePolicy')) return <NotAvailable operations={['simulatePolicy']} />;
  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      const job = await callOperation<any>('mutation', 'simulatePolicy', { sample: { lastN } }, { depth: 3 });
      setResult(job?.result ?? job);
      if (job?.error) setError(job.error);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setRunning(false);
    }
  };
  return (
    <Box data-testid="simulate">
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
        <TextField
          size="small"
          type="number"
          name="lastN"
          label={translate('app.publishing.last_n')}
          value={lastN}
          sx={{ width: 180 }}
          onChange={(e) => setLastN(Math.max(1, Number(e.target.value) || 1))}
        />
        <Button
          variant="contained"
          onClick={run}
          disabled={running}
          data-testid="run-simulation"
          startIcon={running ? <CircularProgress size={16} /> : undefined}
        >
          {translate('app.publishing.simulate')}
        </Button>
      </Box>
      {error && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {error}
        </Alert>
      )}
      {result && (
        <Box sx={{ mt: 1 }}>
          <SimulationResult result={result} />
        </Box>
      )}
    </Box>
  );
}

/** The simulation's summary first, then the complaints whose decision would change. */
function SimulationResult({ result }: { result: any }) {
  const translate = useTranslate();
  const value = typeof result === 'string' ? JSON.parse(result) : result;
  const { differences, departmentLoad, differencesOffset: _offset, elapsedMs: _elapsed, ...summary } = value ?? {};
  return (
    <Box data-testid="simulation-result">
      <Alert severity={summary.changedAny ? 'warning' : 'success'} sx={{ mb: 1 }} data-testid="simulation-summary">
        {translate('app.publishing.simulation_counts', {
          total: summary.total ?? 0,
          changed: summary.changedAny ?? 0,
          department: summary.departmentChanged ?? 0,
          severity: summary.severityChanged ?? 0,
          sla: summary.slaPolicyChanged ?? 0,
        })}
      </Alert>
      {departmentLoad?.length > 0 && (
        <>
          <Typography variant="subtitle2">{translate('app.publishing.department_load')}</Typography>
          <ResultView value={departmentLoad} />
        </>
      )}
      {differences?.length > 0 && (
        <>
          <Typography variant="subtitle2" sx={{ mt: 2 }}>
            {translate('app.publishing.simulation_differences')}
          </Typography>
          <ResultView value={differences} />
        </>
      )}
    </Box>
  );
}
