import { useCallback, useEffect, useState } from 'react';
import { usePermissions, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { Badge, Button, IconButton, List, ListItemButton, ListItemText, Popover, Typography } from '@mui/material';
import NotificationsIcon from '@mui/icons-material/Notifications';
import { gql } from '../graphql/client';
import { can } from '../permissions';

interface Notice {
  id: string;
  kind: string;
  title: string;
  body?: string | null;
  complaintId?: string | null;
  readAt?: string | null;
  createdAt: string;
}

const POLL_MS = 30_000;

/** The bell: unread in-app notices of the signed-in person (assigned to me, approval waiting, warning, breach …). */
export function NotificationBell() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { permissions: role } = usePermissions<string>();
  const [count, setCount] = useState(0);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [items, setItems] = useState<Notice[]>([]);
  const allowed = can(role, 'bell');

  const refresh = useCallback(async () => {
    if (!allowed) return;
    try {
      setCount((await gql<{ unreadNotificationCount: number }>('{ unreadNotificationCount }')).unreadNotificationCount);
    } catch {
      /* the bell stays quiet when the API is unreachable */
    }
  }, [allowed]);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  if (!allowed) return null;

  const open = async (event: React.MouseEvent<HTMLElement>) => {
    setAnchor(event.currentTarget);
    setItems(
      (await gql<{ myNotifications: Notice[] }>('{ myNotifications(first: 20) { id kind title body complaintId readAt createdAt } }'))
        .myNotifications,
    );
  };
  const markRead = async (ids?: string[]) => {
    await gql('mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }', { ids });
    await refresh();
    setItems(items.map((n) => (!ids || ids.includes(n.id) ? { ...n, readAt: new Date().toISOString() } : n)));
  };

  return (
    <>
      <IconButton color="inherit" onClick={open} aria-label={translate('app.bell.title')} data-testid="notification-bell">
        <Badge badgeContent={count} color="error">
          <NotificationsIcon />
        </Badge>
      </IconButton>
      <Popover
        open={Boolean(anchor)}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        <List sx={{ width: 360, maxHeight: 420, overflow: 'auto' }} dense>
          {!items.length && (
            <Typography sx={{ p: 2 }} variant="body2">
              {translate('app.bell.empty')}
            </Typography>
          )}
          {items.map((n) => (
            <ListItemButton
              key={n.id}
              onClick={async () => {
                await markRead([n.id]);
                setAnchor(null);
                if (n.complaintId) navigate(`/complaints/${n.complaintId}/show`);
              }}
              sx={{ opacity: n.readAt ? 0.6 : 1 }}
            >
              <ListItemText
                primary={`${translate(`app.bell.kind.${n.kind}`, { _: n.kind })} · ${n.title}`}
                secondary={new Date(n.createdAt).toLocaleString()}
              />
            </ListItemButton>
          ))}
        </List>
        {items.some((n) => !n.readAt) && (
          <Button fullWidth onClick={() => markRead()}>
            {translate('app.bell.mark_all')}
          </Button>
        )}
      </Popover>
    </>
  );
}
