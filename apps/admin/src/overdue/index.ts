import RunningWithErrorsIcon from '@mui/icons-material/RunningWithErrors';
import { OverdueList } from './OverdueList';

export default { list: OverdueList, icon: RunningWithErrorsIcon };
