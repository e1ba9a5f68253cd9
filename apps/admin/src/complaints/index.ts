import InboxIcon from '@mui/icons-material/Inbox';
import { ComplaintList } from './ComplaintList';
import { ComplaintShow } from './ComplaintShow';

export default { list: ComplaintList, show: ComplaintShow, icon: InboxIcon, recordRepresentation: 'number' };
