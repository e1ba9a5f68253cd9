import type { ReactNode } from 'react';
import { Layout as RaLayout, AppBar, TitlePortal, LocalesMenuButton, ToggleThemeButton } from 'react-admin';
import { Menu } from './Menu';
import { TenantSwitcher } from './TenantSwitcher';
import { NotificationBell } from '../notifications/NotificationBell';

const ConsoleAppBar = () => (
  <AppBar
    color="primary"
    toolbar={
      <>
        <NotificationBell />
        <LocalesMenuButton />
        <ToggleThemeButton />
      </>
    }
  >
    <TitlePortal />
    <TenantSwitcher />
  </AppBar>
);

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout menu={Menu} appBar={ConsoleAppBar}>
    {children}
  </RaLayout>
);
