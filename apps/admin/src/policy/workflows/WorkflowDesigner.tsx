import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Confirm, Title, useDelete, useGetOne, useNotify, useRedirect, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import {
  Background,
  Controls,
  Handle,
  MarkerType,
  MiniMap,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useNodesState,
  useReactFlow,
  type Connection,
  type Edge,
  type Node,
  type NodeProps,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { Alert, Badge, Box, Button, Chip, CircularProgress, FormControlLabel, Paper, Switch, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import SaveIcon from '@mui/icons-material/Save';
import DeleteIcon from '@mui/icons-material/Delete';
import { upsertPolicyItem } from '../../dataProvider/policyDraft';
import { GraphQLRequestError, type ApiProblem } from '../../graphql/client';
import { validateDraft } from '../../rule-builder/policyOperations';
import { localized } from '../../i18n/locale';
import {
  freeKey,
  isAutomatic,
  layout,
  locateWorkflowProblems,
  removeState,
  renameState,
  toWorkflowInput,
  transitionsRemovedWith,
  COLUMN_WIDTH,
  type WorkflowDefinition,
  type WorkflowState,
  type WorkflowTransition,
} from './model';
import { StatePanel, TransitionPanel, WorkflowPanel, triggerKey } from './WorkflowPanels';

/** Colour by category: open (someone must act) blue, waiting (clocks paused) amber, closed grey. */
const CATEGORY_COLOURS: Record<string, { border: string; background: string }> = {
  open: { border: '#1976d2', background: '#e3f2fd' },
  waiting: { border: '#ed6c02', background: '#fff3e0' },
  closed: { border: '#616161', background: '#eeeeee' },
};

interface StateData extends Record<string, unknown> {
  stateKey: string;
  label: string;
  category: string;
  categoryLabel: string;
  problems: number;
}
type StateNode = Node<StateData, 'state'>;

const StateNodeView = memo(function StateNodeView({ data, selected }: NodeProps<StateNode>) {
  const colours = CATEGORY_COLOURS[data.category] ?? CATEGORY_COLOURS.open;
  return (
    <Box
      data-testid={`state-node-${data.stateKey}`}
      data-category={data.category}
      sx={{
        minWidth: 140,
        px: 1.25,
        py: 0.75,
        borderRadius: 1.5,
        border: '2px solid',
        borderColor: data.problems ? '#d32f2f' : colours.border,
        background: colours.background,
        boxShadow: selected ? '0 0 0 3px rgba(25,118,210,0.35)' : undefined,
        position: 'relative',
      }}
    >
      <Handle type="target" position={Position.Left} />
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {data.label}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {data.stateKey} · {data.categoryLabel}
      </Typography>
      {data.problems > 0 && (
        <Chip size="small" color="error" label={data.problems} sx={{ position: 'absolute', top: -10, right: -10, height: 20 }} />
      )}
      <Handle type="source" position={Position.Right} />
    </Box>
  );
});
const NODE_TYPES = { state: StateNodeView };

type Selection = { kind: 'state' | 'transition'; key: string } | null;

/** Every state with a position (saved, else laid out), so that saving keeps the picture the administrator saw. */
function placed(workflow: WorkflowDefinition): WorkflowDefinition {
  const at = layout(workflow);
  return { ...workflow, states: workflow.states.map((s) => ({ ...s, position: s.position ?? at[s.key] })) };
}

function Designer({ initial, onSaved }: { initial: WorkflowDefinition; onSaved: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [deleteOne] = useDelete();
  const { screenToFlowPosition } = useReactFlow();
  const graphBox = useRef<HTMLDivElement>(null);
  const start = useMemo(() => placed(initial), [initial]);
  const [workflow, setWorkflow] = useState<WorkflowDefinition>(start);
  const [saved, setSaved] = useState<WorkflowDefinition>(start);
  const [selection, setSelection] = useState<Selection>(null);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [showAutomatic, setShowAutomatic] = useState(true);
  const [confirm, setConfirm] = useState<null | 'state' | 'workflow'>(null);
  // Keys of states and transitions added since the last save: only those may still change their key.
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const located = useMemo(() => locateWorkflowProblems(problems, workflow.key), [problems, workflow.key]);
  const dirty = JSON.stringify(toWorkflowInput(workflow)) !== JSON.stringify(toWorkflowInput(saved));
  const problemCount = problems.filter((p) => (p.path ?? '').startsWith(`workflows[${workflow.key}]`)).length;

  // Closing or reloading the tab with unsaved design work asks first (the browser's own prompt).
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const [nodes, setNodes, onNodesChange] = useNodesState<StateNode>([]);
  useEffect(() => {
    // The graph follows the workflow; React Flow's own measurements of a node are kept.
    setNodes((previous) => {
      const byId = new Map(previous.map((n) => [n.id, n]));
      return workflow.states.map((s) => ({
        ...byId.get(s.key),
        id: s.key,
        type: 'state' as const,
        position: s.position ?? { x: 0, y: 0 },
        selected: selection?.kind === 'state' && selection.key === s.key,
        data: {
          stateKey: s.key,
          label: localized(s.name) || s.key,
          category: s.category,
          categoryLabel: translate(`app.workflows.categories.${s.category}`),
          problems: located.states[s.key]?.length ?? 0,
        },
      }));
    });
  }, [workflow.states, selection, located, setNodes, translate]);

  const edges: Edge[] = useMemo(
    () =>
      workflow.transitions
        .filter((t) => showAutomatic || !isAutomatic(t))
        .flatMap((t) =>
          t.from
            .filter((from) => workflow.states.some((s) => s.key === from) && workflow.states.some((s) => s.key === t.to))
            .map((from, index) => {
              const automatic = isAutomatic(t);
              const selected = selection?.kind === 'transition' && selection.key === t.key;
              const name = localized(t.name) || t.key;
              const colour = located.transitions[t.key] ? '#d32f2f' : selected ? '#1976d2' : automatic ? '#9e9e9e' : '#455a64';
              return {
                id: `${t.key}@${from}`,
                source: from,
                target: t.to,
                data: { transitionKey: t.key },
                ariaLabel: name,
                // A transition from many states (close, reply sent …) is named once, on its first edge, not on every one.
                label:
                  t.from.length > 3 && index > 0 && !selected
                    ? undefined
                    : automatic
                      ? `${name} ⚡${translate(triggerKey(t.trigger!))}`
                      : `${name}${t.when ? ' ◆' : ''}`,
                labelStyle: { fontSize: 11, fill: automatic ? '#757575' : '#263238' },
                labelBgStyle: { fill: '#ffffff', fillOpacity: 0.85 },
                style: { stroke: colour, strokeWidth: selected ? 3 : 1.5, ...(automatic ? { strokeDasharray: '6 4' } : {}) },
                markerEnd: { type: MarkerType.ArrowClosed, color: colour },
                animated: selected,
                selected,
              } satisfies Edge;
            }),
        ),
    [workflow.transitions, workflow.states, showAutomatic, selection, located, translate],
  );

  const update = (next: WorkflowDefinition) => setWorkflow(next);
  const patchState = (key: string, patch: Partial<WorkflowState>) =>
    update({ ...workflow, states: workflow.states.map((s) => (s.key === key ? { ...s, ...patch } : s)) });
  const patchTransition = (key: string, patch: Partial<WorkflowTransition>) =>
    update({ ...workflow, transitions: workflow.transitions.map((t) => (t.key === key ? { ...t, ...patch } : t)) });

  const addState = () => {
    const key = freeKey(
      'state',
      workflow.states.map((s) => s.key),
    );
    // In the middle of what the administrator is looking at, moved down past any state already there.
    const rect = graphBox.current?.getBoundingClientRect();
    const position = rect
      ? screenToFlowPosition({ x: rect.left + rect.width / 2 - 75, y: rect.top + rect.height / 2 - 25 })
      : { x: COLUMN_WIDTH, y: 0 };
    while (workflow.states.some((s) => s.position && Math.abs(s.position.x - position.x) < 160 && Math.abs(s.position.y - position.y) < 60))
      position.y += 70;
    update({
      ...workflow,
      states: [...workflow.states, { key, name: { zh: translate('app.workflows.new_state') }, category: 'open', position }],
    });
    setFresh(new Set(fresh).add(`state:${key}`));
    setSelection({ kind: 'state', key });
  };
  const addTransition = (from: string[] = selection?.kind === 'state' ? [selection.key] : [], to = '') => {
    const key = freeKey(
      'transition',
      workflow.transitions.map((t) => t.key),
    );
    update({
      ...workflow,
      transitions: [...workflow.transitions, { key, name: { zh: translate('app.workflows.new_transition') }, from, to }],
    });
    setFresh(new Set(fresh).add(`transition:${key}`));
    setSelection({ kind: 'transition', key });
  };
  const onConnect = useCallback(
    (connection: Connection) => addTransition([connection.source], connection.target),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [workflow, fresh],
  );

  const save = async () => {
    setBusy(true);
    try {
      await upsertPolicyItem('workflows', toWorkflowInput(workflow) as unknown as Record<string, unknown>);
      setSaved(workflow);
      setFresh(new Set());
      notify('app.workflows.saved', { type: 'success' });
      onSaved();
      // Saving keeps the draft as it is; what publishing would refuse is shown where it is.
      setProblems(await validateDraft());
      setChecked(true);
    } catch (error) {
      if (error instanceof GraphQLRequestError)
        setProblems(error.problems.length ? error.problems : [{ path: error.field, message: error.message }]);
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const check = async () => {
    setBusy(true);
    try {
      setProblems(await validateDraft());
      setChecked(true);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const selectedState = selection?.kind === 'state' ? workflow.states.find((s) => s.key === selection.key) : undefined;
  const selectedTransition = selection?.kind === 'transition' ? workflow.transitions.find((t) => t.key === selection.key) : undefined;
  const removing = selectedState ? transitionsRemovedWith(workflow, selectedState.key) : [];

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Title title={`${translate('resources.workflows.name', { smart_count: 1 })}：${localized(workflow.name) || workflow.key}`} />
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h6" sx={{ mr: 1 }}>
          {localized(workflow.name) || workflow.key}
        </Typography>
        <Chip size="small" label={workflow.key} />
        {dirty && <Chip size="small" color="warning" label={translate('app.workflows.unsaved')} data-testid="workflow-unsaved" />}
        <Box sx={{ flex: 1 }} />
        <Button startIcon={<AddIcon />} onClick={addState} data-testid="add-state">
          {translate('app.workflows.add_state')}
        </Button>
        <Button startIcon={<AddIcon />} onClick={() => addTransition()} data-testid="add-transition">
          {translate('app.workflows.add_transition')}
        </Button>
        <FormControlLabel
          control={<Switch size="small" checked={showAutomatic} onChange={(e) => setShowAutomatic(e.target.checked)} />}
          label={translate('app.workflows.show_automatic')}
        />
        <Badge color="error" badgeContent={problemCount}>
          <Button variant="outlined" onClick={check} disabled={busy} data-testid="check-workflow">
            {translate('app.workflows.check')}
          </Button>
        </Badge>
        <Button
          variant="contained"
          startIcon={busy ? <CircularProgress size={16} /> : <SaveIcon />}
          disabled={busy || !dirty}
          onClick={save}
          data-testid="save-workflow"
        >
          {translate('ra.action.save')}
        </Button>
        {workflow.key !== 'default' && (
          <Button color="error" startIcon={<DeleteIcon />} onClick={() => setConfirm('workflow')}>
            {translate('ra.action.delete')}
          </Button>
        )}
      </Box>
      {checked && problemCount === 0 && (
        <Alert severity="success" data-testid="workflow-valid">
          {translate('app.workflows.no_problems')}
        </Alert>
      )}
      {problemCount > 0 && (
        <Alert severity="error" data-testid="workflow-problem-count">
          {translate('app.workflows.problem_count', { smart_count: problemCount })}
        </Alert>
      )}
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'stretch' }}>
        <Paper
          ref={graphBox}
          variant="outlined"
          sx={{ flex: 1, height: 'calc(100vh - 210px)', minHeight: 520 }}
          data-testid="workflow-graph"
        >
          <ReactFlow<StateNode, Edge>
            nodes={nodes}
            edges={edges}
            nodeTypes={NODE_TYPES}
            onNodesChange={onNodesChange}
            onNodeDragStop={(_, node) => patchState(node.id, { position: { x: node.position.x, y: node.position.y } })}
            onNodeClick={(_, node) => setSelection({ kind: 'state', key: node.id })}
            onEdgeClick={(_, edge) => setSelection({ kind: 'transition', key: String(edge.data?.transitionKey) })}
            onPaneClick={() => setSelection(null)}
            onConnect={onConnect}
            deleteKeyCode={null}
            fitView
            fitViewOptions={{ padding: 0.04 }}
            minZoom={0.2}
          >
            <Background />
            <Controls />
            <MiniMap pannable zoomable nodeColor={(n) => CATEGORY_COLOURS[(n.data as StateData).category]?.border ?? '#999'} />
          </ReactFlow>
        </Paper>
        <Paper
          variant="outlined"
          sx={{ width: 420, p: 2, height: 'calc(100vh - 210px)', minHeight: 520, overflowY: 'auto' }}
          data-testid="workflow-side-panel"
        >
          {selectedState ? (
            <StatePanel
              key={`state-${selectedState.key}`}
              state={selectedState}
              workflow={workflow}
              isNew={fresh.has(`state:${selectedState.key}`)}
              problems={located.states[selectedState.key]}
              onChange={(patch) => patchState(selectedState.key, patch)}
              onRename={(key) => {
                update(renameState(workflow, selectedState.key, key));
                setFresh(new Set([...fresh].filter((k) => k !== `state:${selectedState.key}`)).add(`state:${key}`));
                setSelection({ kind: 'state', key });
              }}
              onDelete={() => setConfirm('state')}
            />
          ) : selectedTransition ? (
            <TransitionPanel
              key={`transition-${selectedTransition.key}`}
              transition={selectedTransition}
              workflow={workflow}
              isNew={fresh.has(`transition:${selectedTransition.key}`)}
              problems={located.transitions[selectedTransition.key]}
              guardProblems={located.guards[selectedTransition.key]}
              onChange={(patch) => patchTransition(selectedTransition.key, patch)}
              onRename={(key) => {
                update({
                  ...workflow,
                  transitions: workflow.transitions.map((t) => (t.key === selectedTransition.key ? { ...t, key } : t)),
                });
                setFresh(new Set([...fresh].filter((k) => k !== `transition:${selectedTransition.key}`)).add(`transition:${key}`));
                setSelection({ kind: 'transition', key });
              }}
              onDelete={() => {
                update({ ...workflow, transitions: workflow.transitions.filter((t) => t.key !== selectedTransition.key) });
                setSelection(null);
              }}
            />
          ) : (
            <WorkflowPanel
              workflow={workflow}
              problems={located}
              onChange={(patch) => update({ ...workflow, ...patch })}
              onSelect={(kind, key) => setSelection({ kind, key })}
            />
          )}
          {selection && (
            <Button size="small" sx={{ mt: 2 }} onClick={() => setSelection(null)} data-testid="back-to-workflow">
              {translate('app.workflows.back_to_workflow')}
            </Button>
          )}
        </Paper>
      </Box>
      <Confirm
        isOpen={confirm === 'state' && !!selectedState}
        title={translate('app.workflows.delete_state_title', { name: localized(selectedState?.name) || selectedState?.key || '' })}
        content={translate('app.workflows.delete_state_confirm', {
          smart_count: removing.length,
          transitions: removing.map((t) => localized(t.name) || t.key).join('、') || '—',
        })}
        onConfirm={() => {
          if (selectedState) update(removeState(workflow, selectedState.key));
          setSelection(null);
          setConfirm(null);
        }}
        onClose={() => setConfirm(null)}
      />
      <Confirm
        isOpen={confirm === 'workflow'}
        title={translate('app.workflows.delete_workflow_title', { name: localized(workflow.name) || workflow.key })}
        content={translate('app.workflows.delete_workflow_confirm')}
        onConfirm={() => {
          setConfirm(null);
          deleteOne(
            'workflows',
            { id: workflow.key, previousData: { id: workflow.key } },
            {
              mutationMode: 'pessimistic',
              onSuccess: () => redirect('list', 'workflows'),
              onError: (error) => notify((error as Error).message, { type: 'error' }),
            },
          );
        }}
        onClose={() => setConfirm(null)}
      />
    </Box>
  );
}

/** The designer of one workflow (route `/workflows/:id`): the graph, the side panel, save and check. */
export default function WorkflowDesignerPage() {
  const { id } = useParams();
  const translate = useTranslate();
  const { data, isPending, error, refetch } = useGetOne<WorkflowDefinition & { id: string }>('workflows', { id: String(id) });
  if (isPending) return <CircularProgress sx={{ m: 2 }} />;
  if (error || !data)
    return (
      <Alert severity="error" sx={{ m: 2 }}>
        {(error as Error)?.message ?? translate('ra.notification.item_doesnt_exist')}
      </Alert>
    );
  const { id: _id, ...workflow } = data;
  return (
    <Box sx={{ p: 1 }} data-testid="workflow-designer">
      <ReactFlowProvider>
        <Designer key={workflow.key} initial={workflow} onSaved={() => refetch()} />
      </ReactFlowProvider>
    </Box>
  );
}
