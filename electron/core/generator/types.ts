// What the synthetic data generator yields: a court's divisions and staff, then cases with their events and extensions.
import type { Role } from '../../../shared/accounts/roles';
import type { CaseRecord, DivisionKind, EventKind, ExtensionStatus } from '../../../shared/cases/types';
import type { MediationDestination, MediationOutcome } from '../../../shared/cases/caseWork';
import type { ExtensionReason } from '../../../shared/extensions/rules';

export interface GeneratedDivision {
  name: string;
  kind: DivisionKind;
}

/** The roles of shared/accounts/roles.ts: a generated person can be given an account as he is. */
export type StaffRole = Role;

export interface GeneratedStaff {
  name: string;
  /** Division name, or null for court leaders and the trial management office. */
  division: string | null;
  roles: StaffRole[];
}

export interface GeneratedEvent {
  kind: EventKind;
  fromOn: string;
  toOn: string | null;
}

export interface GeneratedExtension {
  months: number;
  days: number;
  reason: string;
  /** The reason of the request form the wording falls under (the seed codes its requests; imports carry none). */
  reasonCode: ExtensionReason;
  status: ExtensionStatus;
  requestedOn: string;
  decidedOn: string | null;
}

/**
 * 先行调解 of a 民初 case filed since 2025, as the mediations table holds it. Its consented extension is also among the
 * case's events (先行调解延长), as the app's Mediations class records it.
 */
export interface GeneratedMediation {
  destination: MediationDestination;
  mediator: string;
  receivedOn: string;
  /** 15 in ordinary procedure, 7 in simple and small-claims procedure. */
  baseDays: 7 | 15;
  /** Days both parties consented to beyond baseDays (0 to 30); the ones used are deducted from the time limit. */
  extensionDays: number;
  consentOn: string | null;
  /** Both null while the mediation still runs on the generator's "today". */
  endedOn: string | null;
  outcome: MediationOutcome | null;
}

export interface GeneratedCase {
  record: CaseRecord;
  events: GeneratedEvent[];
  extensions: GeneratedExtension[];
  /** Present only on the 民初 cases sent to 先行调解. */
  mediation?: GeneratedMediation;
}

export interface GeneratorOptions {
  /** Court code, e.g. 辽0421; every case number carries it. */
  courtCode: string;
  cases: number;
  seed: number;
  /** The generator's "today": no date after it; open cases are those still pending on it. */
  today: string;
}

export interface GeneratedCourt {
  divisions: GeneratedDivision[];
  staff: GeneratedStaff[];
  /**
   * Who holds the demonstration account of a role, where the court is arranged for it: the judge whose docket always
   * shows due-soon and overdue cases, his division head and an assistant of the division. Other roles take the person
   * whose roles come closest to just that one (setup/seed.ts).
   */
  demoAccounts: Partial<Record<StaffRole, string>>;
  /** Yields exactly options.cases cases, in filing order, lazily (a million must not sit in memory). */
  cases: Iterable<GeneratedCase>;
}
