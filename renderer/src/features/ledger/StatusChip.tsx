// A measure's status as a chip: in words, with a mark and a border style that still read on a black-and-white printout.
import type { MeasureView } from '../../../../shared/ledger/api';
import { STATUS_MARK, STATUS_TONE } from './ledgerForms';

/** A measure's status in words, with a mark and a border style that still read in black and white. */
export function StatusChip({ m }: { m: Pick<MeasureView, 'status' | 'statusLabel' | 'doneLate'> }) {
  return (
    <span className={`chip ledger-status tone-${STATUS_TONE[m.status]} status-${m.status}`} data-testid="ledger-status" data-status={m.status}>
      {STATUS_MARK[m.status]} {m.statusLabel}
      {m.doneLate ? '（逾期完成）' : ''}
    </span>
  );
}
