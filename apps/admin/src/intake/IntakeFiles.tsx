import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { Box, Button, Chip, FormHelperText, Stack } from '@mui/material';
import { tokenStore } from '../graphql/client';

export interface UploadedFile {
  id: string;
  filename: string;
}

/**
 * Files for the complaint being registered: each goes up at once (`POST /attachments`, type checked by content on the
 * server) and its id is submitted with the complaint, which claims it.
 */
export function IntakeFiles({ files, onChange }: { files: UploadedFile[]; onChange: (files: UploadedFile[]) => void }) {
  const translate = useTranslate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const add = async (list: FileList | null) => {
    setError(null);
    setBusy(true);
    let next = files;
    try {
      for (const file of Array.from(list ?? [])) {
        const token = tokenStore.get();
        const response = await fetch(`/attachments?name=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          body: file,
          headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        });
        const body = await response.json().catch(() => ({}));
        if (!response.ok) {
          setError(
            body.messages?.['zh-CN'] && document.documentElement.lang !== 'en'
              ? body.messages['zh-CN']
              : (body.message ?? String(response.status)),
          );
          continue;
        }
        next = [...next, { id: body.id, filename: body.filename }];
        onChange(next);
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box data-testid="intake-files">
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <Button variant="outlined" component="label" disabled={busy}>
          {translate('app.intake.add_files')}
          <input
            hidden
            type="file"
            multiple
            onChange={(e) => {
              void add(e.target.files);
              e.target.value = '';
            }}
          />
        </Button>
        {files.map((f) => (
          <Chip key={f.id} label={f.filename} onDelete={() => onChange(files.filter((x) => x.id !== f.id))} />
        ))}
      </Stack>
      {error && <FormHelperText error>{error}</FormHelperText>}
    </Box>
  );
}
