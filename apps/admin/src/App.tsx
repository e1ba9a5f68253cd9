import { lazy, Suspense } from 'react';
import { Admin, CustomRoutes, Resource, Loading } from 'react-admin';
import { Route } from 'react-router-dom';
import { authProvider } from './authProvider';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { theme } from './layout/theme';
import complaintTypes from './policy/complaintTypes';
import fields from './policy/fields';
import channels from './policy/channels';
import departments from './policy/departments';
import teams from './policy/teams';
import severityLevels from './policy/severityLevels';
import slaPolicies from './policy/slaPolicies';
import templates from './policy/templates';
import escalations from './policy/escalations';
import approvalChains from './policy/approvalChains';
import incidentRules from './policy/incidentRules';
import incidents from './incidents';
import tests from './policy/tests';
import notices from './policy/notices';
import { DeliveriesPage } from './notifications/DeliveriesPage';
import { ChannelSettingsPage } from './notifications/ChannelSettingsPage';
import calendars from './policy/calendars';
import holidaySchedules from './policy/holidaySchedules';
import findingCodes from './policy/findingCodes';
import workflows from './policy/workflows';
import complaints from './complaints';
import approvals from './approvals';
import overdue from './overdue';
import plugins from './plugins';
import users from './users';
import apiTokens from './users/apiTokens';
import policyVersions from './publishing/policyVersions';
import auditLog from './publishing/auditLog';
import { IntakePage } from './intake/IntakePage';
import { SetPasswordPage, SsoCallbackPage } from './access/SetPasswordPage';

// Heavy screens load on demand: the rule builder (query builder) and the dashboard (charts).
const Dashboard = lazy(() => import('./dashboard/Dashboard'));
const RuleBuilderPage = lazy(() => import('./rule-builder/RuleBuilderPage'));
const PublishingPage = lazy(() => import('./publishing/PublishingPage'));
const ProfilePage = lazy(() => import('./access/ProfilePage'));
const TenantSettingsPage = lazy(() => import('./access/TenantSettingsPage'));
const PolicySettingsPage = lazy(() => import('./policy/settings/PolicySettingsPage'));

const lazyPage = (element: React.ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

export function App() {
  return (
    <Admin
      title="Redress"
      disableTelemetry
      requireAuth
      authProvider={authProvider}
      dataProvider={dataProvider}
      i18nProvider={i18nProvider}
      loginPage={LoginPage}
      layout={Layout}
      theme={theme}
      dashboard={() => lazyPage(<Dashboard />)}
    >
      <Resource name="complaints" {...complaints} />
      <Resource name="approvals" {...approvals} />
      <Resource name="overdue" {...overdue} />
      <Resource name="complaintTypes" {...complaintTypes} />
      <Resource name="fields" {...fields} />
      <Resource name="channels" {...channels} />
      <Resource name="departments" {...departments} />
      <Resource name="teams" {...teams} />
      <Resource name="severityLevels" {...severityLevels} />
      <Resource name="calendars" {...calendars} />
      <Resource name="holidaySchedules" {...holidaySchedules} />
      <Resource name="slaPolicies" {...slaPolicies} />
      <Resource name="escalations" {...escalations} />
      <Resource name="approvalChains" {...approvalChains} />
      <Resource name="incidentRules" {...incidentRules} />
      <Resource name="incidents" {...incidents} />
      <Resource name="templates" {...templates} />
      <Resource name="notices" {...notices} />
      <Resource name="tests" {...tests} />
      <Resource name="findingCodes" {...findingCodes} />
      <Resource name="workflows" {...workflows} />
      <Resource name="policyVersions" {...policyVersions} />
      <Resource name="plugins" {...plugins} />
      <Resource name="users" {...users} />
      <Resource name="apiTokens" {...apiTokens} />
      <Resource name="auditLog" {...auditLog} />
      <CustomRoutes>
        <Route path="/intake" element={<IntakePage />} />
        <Route path="/deliveries" element={<DeliveriesPage />} />
        <Route path="/notification-settings" element={<ChannelSettingsPage />} />
        <Route path="/rules" element={lazyPage(<RuleBuilderPage />)} />
        <Route path="/publishing" element={lazyPage(<PublishingPage />)} />
        <Route path="/policySettings" element={lazyPage(<PolicySettingsPage />)} />
        <Route path="/profile" element={lazyPage(<ProfilePage />)} />
        <Route path="/tenant-settings" element={lazyPage(<TenantSettingsPage />)} />
      </CustomRoutes>
      {/* Reached without signing in: invitation and reset links, and the single sign-on callback. */}
      <CustomRoutes noLayout>
        <Route path="/accept-invitation" element={<SetPasswordPage />} />
        <Route path="/reset-password" element={<SetPasswordPage />} />
        <Route path="/sso-callback" element={<SsoCallbackPage />} />
      </CustomRoutes>
    </Admin>
  );
}
