import { useEffect, useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Checkbox,
  Divider,
  FormControlLabel,
  IconButton,
  List,
  ListItemButton,
  ListItemText,
  MenuItem,
  Stack,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import AddIcon from '@mui/icons-material/Add';
import ConditionEditor from '../../rule-builder/ConditionEditor';
import { localized } from '../../i18n/locale';
import {
  BUILT_IN_STATES,
  TRANSITION_ROLES,
  WORKFLOW_ACTION_TYPES,
  WORKFLOW_STATE_CATEGORIES,
  WORKFLOW_TRIGGERS,
  isAutomatic,
  type LocatedWorkflowProblems,
  type WorkflowAction,
  type WorkflowDefinition,
  type WorkflowState,
  type WorkflowTransition,
} from './model';

const KEY_PATTERN = /^[a-z][a-z0-9_.-]*$/;
/** Message keys cannot hold dots: `reply.sent` → `reply_sent`. */
export const triggerKey = (trigger: string) => `app.workflows.triggers.${trigger.replace(/\./g, '_')}`;

function Problems({ items, testId }: { items?: string[]; testId: string }) {
  if (!items?.length) return null;
  return (
    <Stack spacing={0.5} data-testid={testId}>
      {items.map((p, i) => (
        <Alert key={i} severity="error" sx={{ py: 0 }}>
          {p}
        </Alert>
      ))}
    </Stack>
  );
}

/**
 * A key box: editable while the item is new (nothing outside the workflow refers to it yet), read-only once saved;
 * a key taken or malformed stays in the box with the reason and is not applied.
 */
function KeyField({
  value,
  editable,
  taken,
  onApply,
  name,
}: {
  value: string;
  editable: boolean;
  taken: string[];
  onApply: (key: string) => void;
  name: string;
}) {
  const translate = useTranslate();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const error =
    text !== value &&
    (!KEY_PATTERN.test(text) ? translate('app.validation.key_format') : taken.includes(text) ? translate('app.workflows.key_taken') : null);
  return (
    <TextField
      size="small"
      name={name}
      label={translate('app.common.key')}
      value={text}
      disabled={!editable}
      error={!!error}
      helperText={error || (editable ? translate('app.workflows.key_help') : translate('app.workflows.key_fixed'))}
      onChange={(e) => {
        setText(e.target.value);
        if (e.target.value !== value && KEY_PATTERN.test(e.target.value) && !taken.includes(e.target.value)) onApply(e.target.value);
      }}
    />
  );
}

function NameFields({
  value,
  onChange,
  prefix,
}: {
  value: { zh?: string; en?: string };
  onChange: (name: { zh: string; en?: string }) => void;
  prefix: string;
}) {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', gap: 1 }}>
      <TextField
        size="small"
        fullWidth
        required
        name={`${prefix}-name-zh`}
        label={translate('app.workflows.name_zh')}
        value={value.zh ?? ''}
        error={!value.zh?.trim()}
        onChange={(e) => onChange({ ...value, zh: e.target.value })}
      />
      <TextField
        size="small"
        fullWidth
        name={`${prefix}-name-en`}
        label={translate('app.workflows.name_en')}
        value={value.en ?? ''}
        onChange={(e) => onChange({ zh: value.zh ?? '', ...(e.target.value ? { en: e.target.value } : {}) })}
      />
    </Box>
  );
}

export function StatePanel({
  state,
  workflow,
  isNew,
  problems,
  onChange,
  onRename,
  onDelete,
}: {
  state: WorkflowState;
  workflow: WorkflowDefinition;
  isNew: boolean;
  problems?: string[];
  onChange: (patch: Partial<WorkflowState>) => void;
  onRename: (key: string) => void;
  onDelete: () => void;
}) {
  const translate = useTranslate();
  const builtIn = (BUILT_IN_STATES as readonly string[]).includes(state.key);
  return (
    <Stack spacing={2} data-testid="state-panel">
      <Typography variant="subtitle1">{translate('app.workflows.state_title')}</Typography>
      <Problems items={problems} testId="state-problems" />
      <KeyField name="state-key" value={state.key} editable={isNew} taken={workflow.states.map((s) => s.key)} onApply={onRename} />
      <NameFields prefix="state" value={state.name} onChange={(name) => onChange({ name })} />
      <TextField
        select
        size="small"
        name="state-category"
        label={translate('app.workflows.category')}
        value={state.category}
        helperText={translate(`app.workflows.category_help.${state.category}`)}
        onChange={(e) => onChange({ category: e.target.value as WorkflowState['category'] })}
      >
        {WORKFLOW_STATE_CATEGORIES.map((c) => (
          <MenuItem key={c} value={c}>
            {translate(`app.workflows.categories.${c}`)}
          </MenuItem>
        ))}
      </TextField>
      <Box>
        <Tooltip title={builtIn ? translate('app.workflows.built_in_state') : ''}>
          <span>
            <Button color="error" startIcon={<DeleteIcon />} disabled={builtIn} onClick={onDelete} data-testid="delete-state">
              {translate('app.workflows.delete_state')}
            </Button>
          </span>
        </Tooltip>
      </Box>
    </Stack>
  );
}

function ActionRow({
  action,
  onChange,
  onRemove,
  index,
}: {
  action: WorkflowAction;
  onChange: (a: WorkflowAction) => void;
  onRemove: () => void;
  index: number;
}) {
  const translate = useTranslate();
  const { data: departments = [] } = useGetList('departments', { pagination: { page: 1, perPage: 1000 } });
  const { data: templates = [] } = useGetList('templates', { pagination: { page: 1, perPage: 1000 } });
  const { data: levels = [] } = useGetList('severityLevels', { pagination: { page: 1, perPage: 1000 } });
  const select = (field: keyof WorkflowAction, label: string, rows: any[]) => (
    <TextField
      select
      size="small"
      fullWidth
      name={`action-${index}-${field}`}
      label={translate(label)}
      value={action[field] ?? ''}
      onChange={(e) => onChange({ ...action, [field]: e.target.value || undefined })}
    >
      <MenuItem value="">{translate('app.common.none')}</MenuItem>
      {rows.map((r) => (
        <MenuItem key={r.key} value={r.key}>
          {localized(r.name) || r.key}
        </MenuItem>
      ))}
    </TextField>
  );
  const text = (field: keyof WorkflowAction, label: string, helper?: string) => (
    <TextField
      size="small"
      fullWidth
      name={`action-${index}-${field}`}
      label={translate(label)}
      helperText={helper ? translate(helper) : undefined}
      value={action[field] ?? ''}
      onChange={(e) => onChange({ ...action, [field]: e.target.value || undefined })}
    />
  );
  return (
    <Stack spacing={1} sx={{ p: 1, border: '1px solid', borderColor: 'divider', borderRadius: 1 }} data-testid={`action-${index}`}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
        <TextField
          select
          size="small"
          fullWidth
          name={`action-${index}-type`}
          label={translate('app.workflows.action_type')}
          value={action.type}
          onChange={(e) => onChange({ type: e.target.value as WorkflowAction['type'] })}
        >
          {WORKFLOW_ACTION_TYPES.map((t) => (
            <MenuItem key={t} value={t}>
              {translate(`app.workflows.action_types.${t}`)}
            </MenuItem>
          ))}
        </TextField>
        <IconButton onClick={onRemove} aria-label={translate('ra.action.remove')}>
          <DeleteIcon />
        </IconButton>
      </Box>
      {action.type === 'notify' && (
        <>
          {text('to', 'app.workflows.action_to', 'app.workflows.action_to_help')}
          {select('template', 'app.workflows.action_template', templates)}
        </>
      )}
      {action.type === 'create_task' && (
        <>
          {text('title', 'app.workflows.action_task_title')}
          {select('department', 'app.workflows.action_department', departments)}
        </>
      )}
      {action.type === 'raise_severity' && select('severity', 'app.workflows.action_severity', levels)}
      {action.type === 'restart_clocks' && text('title', 'app.workflows.action_reason')}
    </Stack>
  );
}

export function TransitionPanel({
  transition,
  workflow,
  isNew,
  problems,
  guardProblems,
  onChange,
  onRename,
  onDelete,
}: {
  transition: WorkflowTransition;
  workflow: WorkflowDefinition;
  isNew: boolean;
  problems?: string[];
  guardProblems?: string[];
  onChange: (patch: Partial<WorkflowTransition>) => void;
  onRename: (key: string) => void;
  onDelete: () => void;
}) {
  const translate = useTranslate();
  const { data: fields = [] } = useGetList('fields', { pagination: { page: 1, perPage: 1000 } });
  const stateKeys = workflow.states.map((s) => s.key);
  const stateName = (key: string) => localized(workflow.states.find((s) => s.key === key)?.name) || key;
  const automatic = isAutomatic(transition);
  const actions = transition.actions ?? [];
  return (
    <Stack spacing={2} data-testid="transition-panel">
      <Typography variant="subtitle1">{translate('app.workflows.transition_title')}</Typography>
      <Problems items={problems} testId="transition-problems" />
      <KeyField
        name="transition-key"
        value={transition.key}
        editable={isNew}
        taken={workflow.transitions.map((t) => t.key)}
        onApply={onRename}
      />
      <NameFields prefix="transition" value={transition.name} onChange={(name) => onChange({ name })} />
      <Autocomplete
        multiple
        size="small"
        options={stateKeys}
        value={transition.from}
        getOptionLabel={(key) => `${stateName(key)}（${key}）`}
        onChange={(_, from) => onChange({ from })}
        renderInput={(params) => <TextField {...params} name="transition-from" label={translate('app.workflows.from')} />}
      />
      <TextField
        select
        size="small"
        name="transition-to"
        label={translate('app.workflows.to')}
        value={transition.to}
        onChange={(e) => onChange({ to: e.target.value })}
      >
        {stateKeys.map((key) => (
          <MenuItem key={key} value={key}>{`${stateName(key)}（${key}）`}</MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        name="transition-trigger"
        label={translate('app.workflows.trigger')}
        value={transition.trigger ?? 'manual'}
        helperText={translate(automatic ? 'app.workflows.trigger_help_automatic' : 'app.workflows.trigger_help_manual')}
        onChange={(e) => onChange({ trigger: e.target.value as WorkflowTransition['trigger'] })}
      >
        {WORKFLOW_TRIGGERS.map((t) => (
          <MenuItem key={t} value={t}>
            {translate(triggerKey(t))}
          </MenuItem>
        ))}
      </TextField>
      {!automatic && (
        <Autocomplete
          multiple
          size="small"
          options={[...TRANSITION_ROLES] as string[]}
          value={transition.roles ?? []}
          getOptionLabel={(role) => translate(`app.roles.${role}`, { _: role })}
          onChange={(_, roles) => onChange({ roles })}
          renderInput={(params) => (
            <TextField
              {...params}
              name="transition-roles"
              label={translate('app.workflows.roles')}
              helperText={translate('app.workflows.roles_help')}
            />
          )}
        />
      )}
      <Box>
        <FormControlLabel
          control={
            <Checkbox
              name="requiresComment"
              checked={!!transition.requiresComment}
              onChange={(e) => onChange({ requiresComment: e.target.checked })}
            />
          }
          label={translate('app.workflows.requires_comment')}
        />
        <FormControlLabel
          control={
            <Checkbox
              name="requiresTasksDone"
              checked={!!transition.requiresTasksDone}
              onChange={(e) => onChange({ requiresTasksDone: e.target.checked })}
            />
          }
          label={translate('app.workflows.requires_tasks_done')}
        />
      </Box>
      <Autocomplete
        multiple
        size="small"
        options={fields.map((f: any) => f.key as string)}
        value={transition.requiredFields ?? []}
        getOptionLabel={(key) => `${localized(fields.find((f: any) => f.key === key)?.label) || key}（${key}）`}
        onChange={(_, requiredFields) => onChange({ requiredFields })}
        renderInput={(params) => (
          <TextField {...params} name="transition-required-fields" label={translate('app.workflows.required_fields')} />
        )}
      />
      <Divider />
      <Typography variant="subtitle2">{translate('app.workflows.guard')}</Typography>
      <Typography variant="caption" color="text.secondary">
        {translate('app.workflows.guard_help')}
      </Typography>
      {/* The rule builder of the decision tables, re-mounted per transition (it owns its query state). */}
      <Box sx={{ '& .rule': { flexWrap: 'wrap', rowGap: 1 }, '& .rule .rule-fields': { flexBasis: '100%' } }}>
        <ConditionEditor
          key={transition.key}
          value={transition.when}
          testId="transition-guard"
          problems={guardProblems}
          onChange={(when) => onChange({ when: when === true || when === null ? undefined : when })}
        />
      </Box>
      <Divider />
      <Typography variant="subtitle2">{translate('app.workflows.actions')}</Typography>
      {actions.map((action, index) => (
        <ActionRow
          key={index}
          index={index}
          action={action}
          onChange={(next) => onChange({ actions: actions.map((a, i) => (i === index ? next : a)) })}
          onRemove={() => onChange({ actions: actions.filter((_, i) => i !== index) })}
        />
      ))}
      <Box>
        <Button
          size="small"
          startIcon={<AddIcon />}
          onClick={() => onChange({ actions: [...actions, { type: 'notify', to: 'manager' }] })}
          data-testid="add-action"
        >
          {translate('app.workflows.add_action')}
        </Button>
      </Box>
      <Box>
        <Button color="error" startIcon={<DeleteIcon />} onClick={onDelete} data-testid="delete-transition">
          {translate('app.workflows.delete_transition')}
        </Button>
      </Box>
    </Stack>
  );
}

/** With nothing selected: the workflow's name, its states and transitions as lists (a way in besides the graph). */
export function WorkflowPanel({
  workflow,
  problems,
  onChange,
  onSelect,
}: {
  workflow: WorkflowDefinition;
  problems: LocatedWorkflowProblems;
  onChange: (patch: Partial<WorkflowDefinition>) => void;
  onSelect: (kind: 'state' | 'transition', key: string) => void;
}) {
  const translate = useTranslate();
  return (
    <Stack spacing={2} data-testid="workflow-panel">
      <Typography variant="subtitle1">{translate('app.workflows.workflow_title')}</Typography>
      <Typography variant="caption" color="text.secondary">
        {translate('app.workflows.select_hint')}
      </Typography>
      <Problems items={problems.workflow} testId="workflow-problems" />
      <NameFields prefix="workflow" value={workflow.name} onChange={(name) => onChange({ name })} />
      <Typography variant="subtitle2">{translate('app.workflows.states')}</Typography>
      <List dense disablePadding>
        {workflow.states.map((s) => (
          <ListItemButton key={s.key} onClick={() => onSelect('state', s.key)} data-testid={`state-item-${s.key}`}>
            <ListItemText
              primary={localized(s.name) || s.key}
              secondary={`${s.key} · ${translate(`app.workflows.categories.${s.category}`)}`}
              slotProps={{ primary: { color: problems.states[s.key] ? 'error' : undefined } }}
            />
          </ListItemButton>
        ))}
      </List>
      <Typography variant="subtitle2">{translate('app.workflows.transitions')}</Typography>
      <List dense disablePadding>
        {workflow.transitions.map((t) => (
          <ListItemButton key={t.key} onClick={() => onSelect('transition', t.key)} data-testid={`transition-item-${t.key}`}>
            <ListItemText
              primary={localized(t.name) || t.key}
              secondary={`${t.from.join(', ')} → ${t.to}${isAutomatic(t) ? ` · ${translate(triggerKey(t.trigger!))}` : ''}`}
              slotProps={{ primary: { color: problems.transitions[t.key] ? 'error' : undefined } }}
            />
          </ListItemButton>
        ))}
      </List>
    </Stack>
  );
}
