import { useGetList, usePermissions } from 'react-admin';
import { Badge } from '@mui/material';
import { can } from '../permissions';

/** The number of decisions waiting, beside the menu entry (refreshed with every list refresh and each minute). */
export function ApprovalsBadge() {
  const { permissions: role } = usePermissions<string>();
  const { total } = useGetList(
    'approvals',
    { pagination: { page: 1, perPage: 1 }, sort: { field: 'proposedAt', order: 'DESC' } },
    {
      enabled: can(role, 'approve'),
      refetchInterval: 60_000,
    },
  );
  if (!total) return null;
  return <Badge badgeContent={total} color="error" max={99} sx={{ ml: 2.5 }} data-testid="approvals-badge" />;
}
