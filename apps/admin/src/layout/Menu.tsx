import { Menu as RaMenu, usePermissions, useTranslate } from 'react-admin';
import { ListSubheader } from '@mui/material';
import DashboardIcon from '@mui/icons-material/Dashboard';
import InboxIcon from '@mui/icons-material/Inbox';
import PhoneInTalkIcon from '@mui/icons-material/PhoneInTalk';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import TextFieldsIcon from '@mui/icons-material/TextFields';
import CallSplitIcon from '@mui/icons-material/CallSplit';
import ApartmentIcon from '@mui/icons-material/Apartment';
import GroupsIcon from '@mui/icons-material/Groups';
import PriorityHighIcon from '@mui/icons-material/PriorityHigh';
import TimerIcon from '@mui/icons-material/Timer';
import EventIcon from '@mui/icons-material/Event';
import BeachAccessIcon from '@mui/icons-material/BeachAccess';
import TuneIcon from '@mui/icons-material/Tune';
import FindInPageIcon from '@mui/icons-material/FindInPage';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import SchemaIcon from '@mui/icons-material/Schema';
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import MailOutlinedIcon from '@mui/icons-material/MailOutlined';
import RuleIcon from '@mui/icons-material/Rule';
import ScienceIcon from '@mui/icons-material/Science';
import PublishIcon from '@mui/icons-material/Publish';
import HistoryIcon from '@mui/icons-material/History';
import ExtensionIcon from '@mui/icons-material/Extension';
import PeopleIcon from '@mui/icons-material/People';
import KeyIcon from '@mui/icons-material/Key';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import WavesIcon from '@mui/icons-material/Waves';
import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import OutboxIcon from '@mui/icons-material/Outbox';
import SettingsInputAntennaIcon from '@mui/icons-material/SettingsInputAntenna';
import SettingsIcon from '@mui/icons-material/Settings';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import ApprovalIcon from '@mui/icons-material/Approval';
import RunningWithErrorsIcon from '@mui/icons-material/RunningWithErrors';
import { can, type Area } from '../permissions';
import { ApprovalsBadge } from '../approvals/ApprovalsBadge';

interface Item {
  to: string;
  label: string;
  icon: React.ReactElement;
  area: Area;
  /** A count beside the label (the approvals waiting). */
  badge?: React.ReactElement;
}
interface Section {
  label?: string;
  items: Item[];
}

const SECTIONS: Section[] = [
  {
    items: [
      { to: '/', label: 'app.menu.dashboard', icon: <DashboardIcon />, area: 'dashboard' },
      { to: '/complaints', label: 'app.menu.work_queue', icon: <InboxIcon />, area: 'complaints' },
      { to: '/approvals', label: 'app.menu.approvals', icon: <ApprovalIcon />, area: 'approve', badge: <ApprovalsBadge /> },
      { to: '/overdue', label: 'app.menu.overdue', icon: <RunningWithErrorsIcon />, area: 'overdue' },
      { to: '/incidents', label: 'resources.incidents.name', icon: <WavesIcon />, area: 'complaints' },
      { to: '/intake', label: 'app.menu.intake', icon: <PhoneInTalkIcon />, area: 'intake' },
    ],
  },
  {
    label: 'app.menu.policy_studio',
    items: [
      { to: '/complaintTypes', label: 'resources.complaintTypes.name', icon: <AccountTreeIcon />, area: 'policy' },
      { to: '/fields', label: 'resources.fields.name', icon: <TextFieldsIcon />, area: 'policy' },
      { to: '/channels', label: 'resources.channels.name', icon: <CallSplitIcon />, area: 'policy' },
      { to: '/departments', label: 'resources.departments.name', icon: <ApartmentIcon />, area: 'policy' },
      { to: '/teams', label: 'resources.teams.name', icon: <GroupsIcon />, area: 'policy' },
      { to: '/severityLevels', label: 'resources.severityLevels.name', icon: <PriorityHighIcon />, area: 'policy' },
      { to: '/calendars', label: 'resources.calendars.name', icon: <EventIcon />, area: 'policy' },
      { to: '/holidaySchedules', label: 'resources.holidaySchedules.name', icon: <BeachAccessIcon />, area: 'policy' },
      { to: '/workflows', label: 'resources.workflows.name', icon: <SchemaIcon />, area: 'policy' },
      { to: '/slaPolicies', label: 'resources.slaPolicies.name', icon: <TimerIcon />, area: 'policy' },
      { to: '/escalations', label: 'resources.escalations.name', icon: <TrendingUpIcon />, area: 'policy' },
      { to: '/approvalChains', label: 'resources.approvalChains.name', icon: <HowToRegIcon />, area: 'policy' },
      { to: '/incidentRules', label: 'resources.incidentRules.name', icon: <WavesIcon />, area: 'policy' },
      { to: '/templates', label: 'resources.templates.name', icon: <MailOutlinedIcon />, area: 'policy' },
      { to: '/notices', label: 'resources.notices.name', icon: <NotificationsActiveIcon />, area: 'policy' },
      { to: '/findingCodes', label: 'resources.findingCodes.name', icon: <FindInPageIcon />, area: 'policy' },
      { to: '/policySettings', label: 'app.menu.policy_settings', icon: <TuneIcon />, area: 'policy' },
    ],
  },
  {
    label: 'app.menu.rules_section',
    items: [
      { to: '/rules', label: 'app.menu.rule_builder', icon: <RuleIcon />, area: 'rules' },
      { to: '/tests', label: 'resources.tests.name', icon: <ScienceIcon />, area: 'rules' },
      { to: '/publishing', label: 'app.menu.publishing', icon: <PublishIcon />, area: 'publishing' },
      { to: '/policyVersions', label: 'resources.policyVersions.name', icon: <HistoryIcon />, area: 'publishing' },
    ],
  },
  {
    label: 'app.menu.system_section',
    items: [
      { to: '/plugins', label: 'resources.plugins.name', icon: <ExtensionIcon />, area: 'plugins' },
      { to: '/users', label: 'resources.users.name', icon: <PeopleIcon />, area: 'users' },
      { to: '/apiTokens', label: 'resources.apiTokens.name', icon: <KeyIcon />, area: 'users' },
      { to: '/auditLog', label: 'resources.auditLog.name', icon: <FactCheckIcon />, area: 'audit' },
      { to: '/deliveries', label: 'app.menu.deliveries', icon: <OutboxIcon />, area: 'deliveries' },
      {
        to: '/notification-settings',
        label: 'app.menu.notification_settings',
        icon: <SettingsInputAntennaIcon />,
        area: 'notificationSettings',
      },
      { to: '/tenant-settings', label: 'app.access.tenant_settings', icon: <SettingsIcon />, area: 'tenantSettings' },
      { to: '/profile', label: 'app.access.profile', icon: <AccountCircleIcon />, area: 'profile' },
    ],
  },
];

/** The menu lists only the areas the signed-in role may use. */
export const Menu = () => {
  const { permissions: role } = usePermissions<string>();
  const translate = useTranslate();
  return (
    <RaMenu data-testid="main-menu">
      {SECTIONS.map((section, index) => {
        const items = section.items.filter((item) => can(role, item.area));
        if (!items.length) return null;
        return (
          <div key={section.label ?? index}>
            {section.label && (
              <ListSubheader sx={{ lineHeight: '32px', background: 'transparent' }}>{translate(section.label)}</ListSubheader>
            )}
            {items.map((item) => (
              <RaMenu.Item
                key={item.to}
                to={item.to}
                primaryText={
                  item.badge ? (
                    <>
                      {translate(item.label, { smart_count: 2 })}
                      {item.badge}
                    </>
                  ) : (
                    translate(item.label, { smart_count: 2 })
                  )
                }
                leftIcon={item.icon}
              />
            ))}
          </div>
        );
      })}
    </RaMenu>
  );
};
