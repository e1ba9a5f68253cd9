import { useTranslate } from 'react-admin';
import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function Scalar({ value }: { value: unknown }) {
  const translate = useTranslate();
  if (value === null || value === undefined) return <span style={{ color: '#999' }}>—</span>;
  if (typeof value === 'boolean')
    return <Chip size="small" color={value ? 'success' : 'default'} label={translate(value ? 'ra.boolean.true' : 'ra.boolean.false')} />;
  if (typeof value === 'object') {
    if (isPlainObject(value) && typeof value.zh === 'string') return <>{value.zh}</>;
    return <code style={{ fontSize: 12, whiteSpace: 'pre-wrap' }}>{JSON.stringify(value)}</code>;
  }
  return <>{String(value)}</>;
}

/** A readable table of any API result (a summary object, a list of differences): column titles are translated when known. */
export function ResultView({ value, depth = 0 }: { value: unknown; depth?: number }) {
  const translate = useTranslate();
  const label = (key: string) => translate(`app.result.${key}`, { _: key });
  if (Array.isArray(value)) {
    if (!value.length)
      return (
        <Typography variant="body2" color="text.secondary">
          {translate('app.result.empty')}
        </Typography>
      );
    if (value.every(isPlainObject)) {
      const columns = [...new Set(value.flatMap((row) => Object.keys(row)))];
      return (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small">
            <TableHead>
              <TableRow>
                {columns.map((c) => (
                  <TableCell key={c}>{label(c)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {value.map((row, i) => (
                <TableRow key={i}>
                  {columns.map((c) => (
                    <TableCell key={c}>
                      {depth < 1 && (Array.isArray(row[c]) || isPlainObject(row[c])) ? (
                        <ResultView value={row[c]} depth={depth + 1} />
                      ) : (
                        <Scalar value={row[c]} />
                      )}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      );
    }
    return (
      <>
        {value.map((v, i) => (
          <Chip key={i} size="small" sx={{ mr: 0.5 }} label={typeof v === 'object' ? JSON.stringify(v) : String(v)} />
        ))}
      </>
    );
  }
  if (isPlainObject(value)) {
    if (typeof value.zh === 'string') return <Scalar value={value} />;
    return (
      <Table size="small">
        <TableBody>
          {Object.entries(value)
            .filter(([k]) => k !== '__typename')
            .map(([k, v]) => (
              <TableRow key={k}>
                <TableCell sx={{ fontWeight: 500, width: 220, verticalAlign: 'top' }}>{label(k)}</TableCell>
                <TableCell>
                  {depth < 2 && (Array.isArray(v) || isPlainObject(v)) ? <ResultView value={v} depth={depth + 1} /> : <Scalar value={v} />}
                </TableCell>
              </TableRow>
            ))}
        </TableBody>
      </Table>
    );
  }
  return <Scalar value={value} />;
}
