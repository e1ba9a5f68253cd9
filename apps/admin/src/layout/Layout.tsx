import type { ReactNode } from 'react';
import { Layout as RaLayout, AppBar, TitlePortal, LocalesMenuButton, ToggleThemeButton } from 'react-admin';
import { Typography } from '@mui/material';
import { Menu } from './Menu';
import { userStore } from '../authProvider';
import { NotificationBell } from '../notifications/NotificationBell';

const ConsoleAppBar = () => (
  <AppBar color="primary" toolbar={<><NotificationBell /><LocalesMenuButton /><ToggleThemeButton /></>}>
    <TitlePortal />
    <Typography variant="body2" sx={{ mr: 2, opacity: 0.85 }} data-testid="tenant-name">
      {userStore.get()?.tenant?.name}
    </Typography>
  </AppBar>
);

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout menu={Menu} appBar={ConsoleAppBar}>
    {children}
  </RaLayout>
);
