import { useState } from 'react';
import {
  FilterList,
  FilterListItem,
  SavedQueriesList,
  useGetIdentity,
  useListContext,
  useNotify,
  usePermissions,
  useTranslate,
  useUnselectAll,
} from 'react-admin';
import { Button, Card, CardContent, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import ViewListIcon from '@mui/icons-material/ViewList';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { callOperation } from '../graphql/schema';
import { useAssignableUsers } from './publishedPolicy';

/**
 * The queue's views: "my complaints", due soon, overdue, awaiting approval, open — and the person's own saved
 * views (react-admin's saved queries: the current filters and sort under a name, kept in the browser).
 */
export function QueueViews() {
  const { identity } = useGetIdentity();
  return (
    <Card sx={{ order: -1, mr: 2, mt: 8, width: 220, flexShrink: 0, alignSelf: 'flex-start' }} data-testid="queue-views">
      <CardContent>
        <FilterList label="app.queue.views" icon={<ViewListIcon />}>
          {identity?.id && <FilterListItem label="app.queue.mine" value={{ assigneeId: String(identity.id), open: true }} />}
          <FilterListItem label="app.queue.due_soon" value={{ slaStatus: ['at_risk'], open: true }} />
          <FilterListItem label="app.queue.overdue" value={{ slaStatus: ['breached'], open: true }} />
          <FilterListItem label="app.queue.awaiting_approval" value={{ state: ['awaiting_approval'] }} />
          <FilterListItem label="app.queue.open" value={{ open: true }} />
        </FilterList>
        <SavedQueriesList />
      </CardContent>
    </Card>
  );
}

const ASSIGNERS = ['admin', 'manager', 'handler'];

/** Assigns the selected complaints to one person (one `assignComplaint` each; a reassignment carries the reason). */
export function BulkAssignButton() {
  const translate = useTranslate();
  const notify = useNotify();
  const { permissions: role } = usePermissions<string>();
  const { selectedIds, refetch } = useListContext();
  const unselectAll = useUnselectAll('complaints');
  const { data: users = [] } = useAssignableUsers(ASSIGNERS.includes(role ?? ''));
  const [open, setOpen] = useState(false);
  const [assigneeId, setAssigneeId] = useState('');
  const [reason, setReason] = useState('');
  const [running, setRunning] = useState(false);
  if (!ASSIGNERS.includes(role ?? '')) return null;
  const run = async () => {
    setRunning(true);
    const failed: string[] = [];
    for (const id of selectedIds) {
      try {
        await callOperation(
          'mutation',
          'assignComplaint',
          { input: { complaintId: id, assigneeId, reason: reason || undefined } },
          { selection: '{ id }' },
        );
      } catch (e) {
        failed.push((e as Error).message);
      }
    }
    setRunning(false);
    setOpen(false);
    unselectAll();
    refetch();
    notify(failed.length ? 'app.queue.bulk_partly' : 'app.queue.bulk_done', {
      type: failed.length ? 'warning' : 'success',
      messageArgs: { done: selectedIds.length - failed.length, failed: failed.length, reason: failed[0] ?? '' },
    });
  };
  return (
    <>
      <Button size="small" startIcon={<AssignmentIndIcon />} onClick={() => setOpen(true)} data-testid="bulk-assign">
        {translate('app.queue.bulk_assign')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>{translate('app.queue.bulk_assign_title', { smart_count: selectedIds.length })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1, minWidth: 360 }}>
            <TextField
              select
              size="small"
              required
              label={translate('app.complaint_action.assignee')}
              value={assigneeId}
              onChange={(e) => setAssigneeId(e.target.value)}
              name="bulkAssignee"
            >
              {users.map((u) => (
                <MenuItem key={u.id} value={u.id}>
                  {u.displayName ? `${u.displayName}（${u.email}）` : u.email}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              size="small"
              label={translate('app.complaint_action.reassign_reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              name="bulkReason"
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" disabled={!assigneeId || running} onClick={run} data-testid="bulk-assign-confirm">
            {translate('app.complaint.do_assign')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
