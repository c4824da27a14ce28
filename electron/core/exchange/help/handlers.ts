// Handlers of the intermediate court's ledger calls for one basic court: its ledger as received, and the help measures (add, edit, progress) that go back in its return file; audited, refused at a basic court.
import { exchangeHelpApi, type ReceivedLedgerView } from '../../../../shared/exchange/helpApi';
import { can } from '../../../../shared/accounts/roles';
import { FOUND_BY_LABELS, MEASURE_KIND_LABELS, MEASURE_STATUSES, MEASURE_STATUS_LABELS, targetText } from '../../../../shared/ledger/rules';
import { INDICATORS, INDICATOR_IDS, type IndicatorId } from '../../../../shared/indicators/catalogue';
import type { LedgerPart } from '../../../../shared/ledger/exchangePart';
import { createDomain } from '../../kernel/domain';
import { CoreError, InputError } from '../../kernel/errors';
import { auditAppender } from '../../audit/auditLog';
import type { CoreServices } from '../../app/services';
import { receivedLedger } from '../../ledger/receivedLedger';
import { courtLevel, findRegisteredSender } from '../keys/keyStore';
import { addHelp, addHelpProgress, helpViews, updateHelp } from './helpStore';

function lastReceivedCourt(db: CoreServices['db'], code: string): { courtCode: string; courtName: string } | null {
  const r = db.prepare('SELECT sender_code AS courtCode, sender_name AS courtName FROM received_packages WHERE sender_code = ? ORDER BY sequence DESC LIMIT 1').get(code);
  return (r as { courtCode: string; courtName: string } | undefined) ?? null;
}

const known = (id: string): id is IndicatorId => (INDICATOR_IDS as readonly string[]).includes(id);

/** The ledger as the court's package brought it, for reading: each measure with its latest progress. */
function ledgerView(held: { sequence: number; receivedAt: string; ledger: LedgerPart }): ReceivedLedgerView {
  const l = held.ledger;
  const counts = Object.fromEntries(MEASURE_STATUSES.map((s) => [s, 0])) as ReceivedLedgerView['counts'];
  const measures = l.measures.map((m) => {
    counts[m.status]++;
    const progress = l.progress.filter((p) => p.measureId === m.id).sort((a, b) => (a.onDate < b.onDate ? -1 : a.onDate > b.onDate ? 1 : a.id - b.id));
    const last = progress.at(-1) ?? null;
    return {
      id: m.id,
      kindLabel: MEASURE_KIND_LABELS[m.kind],
      text: m.text,
      weakPointIds: m.weakPointIds,
      leader: m.leader,
      owner: m.owner,
      division: m.division,
      startOn: m.startOn,
      dueOn: m.dueOn,
      doneOn: m.doneOn,
      status: m.status,
      statusLabel: MEASURE_STATUS_LABELS[m.status],
      fromReturn: m.origin === 'return',
      latest: last ? { onDate: last.onDate, text: last.text, done: last.done, evidence: last.evidence.map((e) => e.name) } : null,
      progressCount: progress.length,
    };
  });
  return {
    sequence: held.sequence,
    receivedAt: held.receivedAt,
    asOf: l.asOf,
    weakPoints: l.weakPoints.map((w) => ({
      id: w.id,
      text: w.text,
      foundBy: w.foundBy,
      foundByLabel: FOUND_BY_LABELS[w.foundBy],
      foundOn: w.foundOn,
      // An indicator this version does not know (a newer basic court's) is shown by its id and bare value.
      targets: w.targets.map((t) => ({ indicator: t.indicator, name: known(t.indicator) ? INDICATORS[t.indicator].name : t.indicator, targetText: known(t.indicator) ? targetText(t.indicator, t.target) : String(t.target), dueOn: t.dueOn })),
    })),
    measures,
    counts,
    meetings: l.meetings.map((m) => ({ heldOn: m.heldOn, title: m.title })),
  };
}

export const exchangeHelpDomain = createDomain('exchange', exchangeHelpApi, (s: CoreServices) => {
  const intermediate = () => {
    if (courtLevel(s.db) !== 'intermediate') throw new CoreError('CONFLICT', '本院设置为基层法院：帮扶措施由中级法院填写，随中院回执送达');
  };
  // Made per call: the database behind s.db is another one after a restore.
  const audit = (e: Parameters<ReturnType<typeof auditAppender>>[0]) => auditAppender(s.db)(e);
  return {
    'exchange.courtLedger': (a, ctx) => {
      intermediate();
      // A court is known here by its registration, or (a key since revoked and removed) by the packages it sent.
      const sender = findRegisteredSender(s.db, a.courtCode) ?? lastReceivedCourt(s.db, a.courtCode);
      if (!sender) throw new InputError(`基层法院“${a.courtCode}”未在本院登记`, 'courtCode');
      const held = receivedLedger(s.db, sender.courtCode);
      return {
        courtCode: sender.courtCode,
        courtName: sender.courtName,
        today: s.today(),
        received: held ? ledgerView(held) : null,
        help: helpViews(s.db, sender.courtCode, s.today()),
        canManage: ctx.person !== null && can(ctx.person.roles, 'ledger.manage'),
      };
    },
    'exchange.helpAdd': (a, ctx) => {
      intermediate();
      const { courtCode, ...fields } = a;
      return s.db.transaction(() => {
        const r = addHelp(s.db, courtCode, fields, ctx.actor);
        audit({ actor: ctx.actor, action: 'exchange.help.add', entity: 'help_measure', entityKey: String(r.id), after: { courtCode: r.courtCode, ...fields } });
        return { id: r.id };
      })();
    },
    'exchange.helpUpdate': (a, ctx) => {
      intermediate();
      const { id, ...fields } = a;
      return s.db.transaction(() => {
        const r = updateHelp(s.db, id, fields);
        audit({ actor: ctx.actor, action: 'exchange.help.update', entity: 'help_measure', entityKey: String(id), before: r.before, after: { courtCode: r.courtCode, ...fields } });
        return { id };
      })();
    },
    'exchange.helpProgress': (a, ctx) => {
      intermediate();
      const onDate = a.onDate ?? s.today();
      return s.db.transaction(() => {
        const r = addHelpProgress(s.db, { id: a.id, text: a.text, onDate, done: a.done }, ctx.actor);
        audit({ actor: ctx.actor, action: 'exchange.help.progress', entity: 'help_measure', entityKey: String(a.id), after: { courtCode: r.courtCode, onDate, text: a.text, done: a.done } });
        return { id: a.id };
      })();
    },
  };
});
