import ApprovalIcon from '@mui/icons-material/Approval';
import { ApprovalList } from './ApprovalList';

export default { list: ApprovalList, icon: ApprovalIcon };
