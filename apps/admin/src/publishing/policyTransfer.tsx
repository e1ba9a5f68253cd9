import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Box, Button, Card, CardContent, CardHeader, MenuItem, TextField } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import UploadIcon from '@mui/icons-material/Upload';
import { callOperation } from '../graphql/schema';
import { GraphQLRequestError } from '../graphql/client';

interface VersionRow {
  version: number;
  status: string;
  isCurrent: boolean;
  note?: string | null;
}

/** The tenant's policy versions as choices: "v3 · 当前生效 · note", newest first; diff also offers the draft. */
export function useVersionChoices() {
  const translate = useTranslate();
  const versions = useQuery({
    queryKey: ['policyVersions', 'choices'],
    queryFn: () => callOperation<VersionRow[]>('query', 'policyVersions', {}, { selection: '{ version status isCurrent note }' }),
    staleTime: 30_000,
  });
  const rows = [...(versions.data ?? [])].sort((a, b) => b.version - a.version);
  const label = (v: VersionRow) =>
    [`v${v.version}`, v.isCurrent ? translate('app.publishing.live') : translate(`app.version_status.${v.status}`, { _: v.status }), v.note]
      .filter(Boolean)
      .join(' · ');
  const published = rows.filter((v) => v.status === 'published').map((v) => ({ value: String(v.version), label: label(v) }));
  return {
    published,
    withDraft: [
      { value: 'draft', label: translate('app.publishing.draft') },
      { value: 'current', label: translate('app.publishing.live') },
      ...rows.map((v) => ({ value: String(v.version), label: label(v) })),
    ],
  };
}

/**
 * Policy export / import: a version (or the draft) downloaded as canonical JSON; a JSON file loaded into the draft,
 * checked first in the browser (it must be JSON) and then by the API, whose problems are listed. Nothing goes live
 * until it is published.
 */
export function PolicyTransfer() {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const versions = useVersionChoices();
  const [version, setVersion] = useState('current');
  const [result, setResult] = useState<{ valid: boolean; problems: { path?: string; message: string }[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const download = async () => {
    setError(null);
    try {
      const json = await callOperation<string>('query', 'exportPolicy', { version }, { selection: '' });
      const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      const link = Object.assign(document.createElement('a'), { href: url, download: `policy-${version}.json` });
      link.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setResult(null);
    const text = await file.text();
    try {
      JSON.parse(text);
    } catch (e) {
      setError(translate('app.publishing.import_not_json', { message: (e as Error).message }));
      return;
    }
    try {
      const validation = await callOperation<{ valid: boolean; problems: { path?: string; message: string }[] }>(
        'mutation',
        'importPolicy',
        { document: text },
        { selection: '{ valid problems { path message } }' },
      );
      setResult(validation);
      await queryClient.invalidateQueries();
      notify('app.publishing.imported', { type: validation.valid ? 'success' : 'warning' });
    } catch (e) {
      const problems = e instanceof GraphQLRequestError ? e.problems.map((p) => `${p.path ?? p.field ?? ''} ${p.message}`).join('；') : '';
      setError([(e as Error).message, problems].filter(Boolean).join(' — '));
    }
  };

  return (
    <Card variant="outlined" data-testid="policy-transfer">
      <CardHeader title={translate('app.publishing.transfer_title')} subheader={translate('app.publishing.transfer_help')} />
      <CardContent>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <TextField
            select
            size="small"
            sx={{ minWidth: 220 }}
            label={translate('app.args.version')}
            value={version}
            onChange={(e) => setVersion(e.target.value)}
            name="exportVersion"
          >
            {versions.withDraft.map((c) => (
              <MenuItem key={c.value} value={c.value}>
                {c.label}
              </MenuItem>
            ))}
          </TextField>
          <Button variant="outlined" startIcon={<DownloadIcon />} onClick={download} data-testid="export-policy">
            {translate('app.publishing.export')}
          </Button>
          <Button variant="outlined" component="label" startIcon={<UploadIcon />} data-testid="import-policy">
            {translate('app.publishing.import')}
            <input
              hidden
              type="file"
              accept="application/json,.json"
              onChange={(e) => {
                void upload(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
          </Button>
        </Box>
        {error && (
          <Alert severity="error" sx={{ mt: 1 }} data-testid="import-error">
            {error}
          </Alert>
        )}
        {result && (
          <Alert severity={result.valid ? 'success' : 'warning'} sx={{ mt: 1 }} data-testid="import-result">
            {translate(result.valid ? 'app.publishing.import_valid' : 'app.publishing.import_problems', {
              smart_count: result.problems.length,
            })}
            {result.problems.length > 0 && (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {result.problems.map((p, i) => (
                  <li key={i}>
                    <code>{p.path}</code> {p.message}
                  </li>
                ))}
              </ul>
            )}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}
