import { useMemo, useState } from 'react';
import { useTranslate } from 'react-admin';
import { QueryBuilder, type RuleGroupType } from 'react-querybuilder';
import { QueryBuilderMaterial } from '@react-querybuilder/material';
import { Alert, Box, Button, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import 'react-querybuilder/dist/query-builder.css';
import { NotRepresentable, toJsonLogic, toQuery, type JsonLogic } from './jsonLogicQuery';
import { useRuleVocabulary } from './vocabulary';

interface Props {
  value: JsonLogic;
  onChange: (logic: JsonLogic) => void;
  /** API problems at this condition (shown under it). */
  problems?: string[];
  testId?: string;
}

/**
 * A condition edited visually (fields of the fact schema, registered operators with their Chinese labels) or as raw
 * JSON-logic. What the builder cannot express stays in raw mode rather than being rewritten.
 */
export default function ConditionEditor({ value, onChange, problems = [], testId }: Props) {
  const translate = useTranslate();
  const vocabulary = useRuleVocabulary();
  const initial = useMemo(() => {
    try {
      return { query: toQuery(value, vocabulary.customOperators), raw: false };
    } catch (error) {
      if (error instanceof NotRepresentable) return { query: { combinator: 'and', rules: [] } as RuleGroupType, raw: true };
      return { query: { combinator: 'and', rules: [] } as RuleGroupType, raw: true };
    }
    // Re-parse only when the operator vocabulary arrives, not on every edit (the builder owns its state).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [vocabulary.customOperators.map((op) => op.name).join(',')]);
  const [mode, setMode] = useState<'visual' | 'raw'>(initial.raw ? 'raw' : 'visual');
  const [query, setQuery] = useState<RuleGroupType>(initial.query);
  const [rawText, setRawText] = useState(() => JSON.stringify(value ?? true, null, 2));
  const [rawError, setRawError] = useState<string | null>(null);

  const switchMode = (next: 'visual' | 'raw' | null) => {
    if (!next || next === mode) return;
    if (next === 'raw') {
      setRawText(JSON.stringify(value ?? true, null, 2));
      setMode('raw');
      return;
    }
    try {
      setQuery(toQuery(value, vocabulary.customOperators));
      setMode('visual');
      setRawError(null);
    } catch {
      setRawError(translate('app.rules.not_representable'));
    }
  };

  return (
    <Box data-testid={testId} sx={{ width: '100%' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <ToggleButtonGroup size="small" exclusive value={mode} onChange={(_, next) => switchMode(next)}>
          <ToggleButton value="visual">{translate('app.rules.visual_mode')}</ToggleButton>
          <ToggleButton value="raw">{translate('app.rules.raw_mode')}</ToggleButton>
        </ToggleButtonGroup>
        {mode === 'visual' && !query.rules.length && (
          <Typography variant="caption" color="text.secondary">
            {translate('app.rules.always')}
          </Typography>
        )}
      </Box>
      {mode === 'visual' ? (
        <QueryBuilderMaterial>
          <QueryBuilder
            fields={vocabulary.fields}
            operators={vocabulary.operators}
            getInputType={vocabulary.getInputType}
            query={query}
            onQueryChange={(next) => {
              setQuery(next);
              onChange(toJsonLogic(next, vocabulary.customOperators));
            }}
            combinators={[
              { name: 'and', value: 'and', label: translate('app.rules.and') },
              { name: 'or', value: 'or', label: translate('app.rules.or') },
            ]}
            translations={{
              addRule: { label: translate('app.rules.add_condition'), title: translate('app.rules.add_condition') },
              addGroup: { label: translate('app.rules.add_group'), title: translate('app.rules.add_group') },
              removeRule: { label: '✕', title: translate('ra.action.remove') },
              removeGroup: { label: '✕', title: translate('ra.action.remove') },
              fields: { title: translate('app.rules.fact'), placeholderLabel: translate('app.rules.choose_fact') },
              operators: { title: translate('app.rules.operator') },
              value: { title: translate('app.rules.value') },
            }}
            controlClassnames={{ queryBuilder: 'queryBuilder-branches' }}
          />
        </QueryBuilderMaterial>
      ) : (
        <Box>
          <TextField
            multiline
            fullWidth
            minRows={3}
            value={rawText}
            error={!!rawError}
            helperText={rawError ?? translate('app.rules.raw_help')}
            slotProps={{ htmlInput: { style: { fontFamily: 'monospace', fontSize: 13 }, 'data-testid': 'raw-json' } }}
            onChange={(e) => {
              setRawText(e.target.value);
              try {
                onChange(JSON.parse(e.target.value));
                setRawError(null);
              } catch {
                setRawError(translate('app.rules.invalid_json'));
              }
            }}
          />
          <Button size="small" onClick={() => switchMode('visual')} sx={{ mt: 0.5 }}>
            {translate('app.rules.back_to_visual')}
          </Button>
        </Box>
      )}
      {problems.map((problem, index) => (
        <Alert key={index} severity="error" sx={{ mt: 1 }} data-testid="condition-problem">
          {problem}
        </Alert>
      ))}
    </Box>
  );
}
