import { useRecordContext, useTranslate } from 'react-admin';
import { Chip, Tooltip } from '@mui/material';
import { remaining, worstClock, type SlaClockLike, type SlaStatus } from './sla';

const COLORS: Record<SlaStatus, 'success' | 'warning' | 'error' | 'default'> = {
  on_time: 'success',
  at_risk: 'warning',
  breached: 'error',
  stopped: 'default',
};

export function SlaClockChip({ clock, status }: { clock: SlaClockLike; status: SlaStatus }) {
  const translate = useTranslate();
  const left = remaining(clock, new Date());
  const time = left
    ? translate(left.working ? 'app.sla.remaining_working' : 'app.sla.remaining', {
        days: left.days,
        hours: left.hours,
        minutes: left.minutes,
      })
    : '';
  const text =
    status === 'stopped'
      ? translate('app.sla.status.stopped')
      : `${translate(`app.sla.status.${status}`)}${time ? ` · ${left?.negative ? translate('app.sla.overdue_by') : ''}${time}` : ''}`;
  return (
    <Tooltip
      title={`${translate(`app.sla_target.${clock.target ?? clock.key}`, { _: clock.target ?? clock.key ?? '' })} ${clock.dueAt ? new Date(clock.dueAt).toLocaleString() : ''}`}
    >
      <Chip size="small" color={COLORS[status]} label={text} data-testid="sla-chip" data-status={status} />
    </Tooltip>
  );
}

/** The complaint's most pressing SLA clock, coloured on time / at risk / breached. */
export function SlaChip() {
  const record = useRecordContext<any>();
  // The list shows the complaint's own summary (resolutionDueAt + slaStatus); the SLA tab reads every clock.
  const dueAt = record?.resolutionDueAt ?? record?.dueAt;
  const clocks: SlaClockLike[] = record?.slaClocks ?? (dueAt ? [{ target: 'resolution', dueAt, status: record.slaStatus }] : []);
  const worst = worstClock(clocks, new Date());
  if (!worst) return null;
  return <SlaClockChip clock={worst.clock} status={worst.status} />;
}
