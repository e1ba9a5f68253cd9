import {
  ArrayInput,
  BooleanInput,
  FunctionField,
  NumberInput,
  SelectInput,
  SimpleFormIterator,
  TextField,
  required,
  useTranslate,
} from 'react-admin';
import TimerIcon from '@mui/icons-material/Timer';
import { PolicyCreate, PolicyEdit, PolicyList } from '../../common/resourceViews';
import { KeyInput, LocalizedTextInput } from '../../common/inputs';
import { LocalizedField } from '../../common/LocalizedField';
import { localized } from '../../i18n/locale';
import { choicesOf, DURATION_KINDS, SLA_TARGETS } from '../choices';

/** "3 个工作日" — a target's duration in words. */
export function DurationText({ duration }: { duration?: { amount: number; kind: string } }) {
  const translate = useTranslate();
  if (!duration) return null;
  return <>{translate(`app.duration.${duration.kind}`, { smart_count: duration.amount, _: `${duration.amount} ${duration.kind}` })}</>;
}

const SlaForm = ({ isEdit }: { isEdit?: boolean }) => (
  <>
    <KeyInput isEdit={isEdit} />
    <LocalizedTextInput source="name" label="resources.slaPolicies.fields.name" />
    <ArrayInput source="targets" label="resources.slaPolicies.fields.targets">
      <SimpleFormIterator inline>
        <SelectInput source="key" choices={choicesOf('sla_target', SLA_TARGETS)} label="app.slaPolicies.target" validate={required()} />
        <NumberInput source="duration.amount" label="app.slaPolicies.amount" validate={required()} min={0} />
        <SelectInput
          source="duration.kind"
          choices={choicesOf('duration_kind', DURATION_KINDS)}
          label="app.slaPolicies.unit"
          validate={required()}
          defaultValue="working_days"
        />
        <NumberInput source="warnAtPercent" label="app.slaPolicies.warn_at" defaultValue={80} min={1} max={100} />
        <BooleanInput source="recurring" label="app.slaPolicies.recurring" />
      </SimpleFormIterator>
    </ArrayInput>
  </>
);

export default {
  list: () => (
    <PolicyList>
      <LocalizedField source="name" label="resources.slaPolicies.fields.name" />
      <TextField source="key" label="app.common.key" />
      <FunctionField
        label="resources.slaPolicies.fields.targets"
        render={(r: any) => (
          <span>
            {(r.targets ?? []).map((t: any, i: number) => (
              <span key={i}>
                {i > 0 && '；'}
                <TargetName target={t.key} />：<DurationText duration={t.duration} />
              </span>
            ))}
          </span>
        )}
      />
    </PolicyList>
  ),
  create: () => (
    <PolicyCreate>
      <SlaForm />
    </PolicyCreate>
  ),
  edit: () => (
    <PolicyEdit>
      <SlaForm isEdit />
    </PolicyEdit>
  ),
  icon: TimerIcon,
  recordRepresentation: (r: any) => localized(r.name),
};

function TargetName({ target }: { target: string }) {
  return <>{useTranslate()(`app.sla_target.${target}`, { _: target })}</>;
}
