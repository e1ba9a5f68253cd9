import { useInput, useTranslate } from 'react-admin';
import { Autocomplete, Box, Button, IconButton, TextField, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { useRuleVocabulary } from '../../rule-builder/vocabulary';
import { flattenFacts, parseFactValue, setFact, unsetFact } from './facts';

/**
 * Sample facts of a rule test as "fact = value" rows (facts chosen from the fact schema), stored as the nested
 * object the rules read (`{complaint: {channel: 'phone'}}`).
 */
export function FactsInput({ source }: { source: string }) {
  const translate = useTranslate();
  const { field } = useInput({ source, defaultValue: {} });
  const vocabulary = useRuleVocabulary();
  const facts = (field.value ?? {}) as Record<string, unknown>;
  const rows = flattenFacts(facts);
  const options = vocabulary.fields.map((f) => ({ path: f.name, label: f.label }));
  const typeOf = (path: string) => vocabulary.fields.find((f) => f.name === path)?.inputType;
  return (
    <Box sx={{ width: '100%', my: 1 }} data-testid="facts-input">
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('resources.tests.fields.facts')}
      </Typography>
      {rows.map(([path, value], index) => (
        <Box
          key={`${path}-${index}`}
          sx={{ display: 'flex', gap: 1, mb: 1, alignItems: 'center' }}
          data-testid={`fact-row-${index}`}
          data-path={path}
        >
          <Autocomplete
            sx={{ flex: 2 }}
            size="small"
            freeSolo
            options={options}
            value={options.find((o) => o.path === path) ?? path}
            getOptionLabel={(o) => (typeof o === 'string' ? o : o.label)}
            onChange={(_, next) => {
              const nextPath = typeof next === 'string' ? next : next?.path;
              if (!nextPath) return;
              field.onChange(setFact(unsetFact(facts, path), nextPath, value));
            }}
            renderInput={(params) => <TextField {...params} name={`fact-path-${index}`} label={translate('app.rules.fact')} />}
          />
          <TextField
            sx={{ flex: 1 }}
            size="small"
            label={translate('app.rules.value')}
            name={`fact-value-${index}`}
            value={value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value)}
            onChange={(e) => field.onChange(setFact(facts, path, parseFactValue(e.target.value, typeOf(path) ?? undefined)))}
          />
          <IconButton aria-label={translate('ra.action.remove')} onClick={() => field.onChange(unsetFact(facts, path))}>
            <DeleteIcon />
          </IconButton>
        </Box>
      ))}
      <Button
        size="small"
        data-testid="add-fact"
        onClick={() => field.onChange(setFact(facts, options.find((o) => !rows.some(([p]) => p === o.path))?.path ?? 'complaint.text', ''))}
      >
        {translate('app.tests.add_fact')}
      </Button>
    </Box>
  );
}
