// Who acts on an extension request: the head of the case's division for the opinion, and for the decision the
// president, or the vice-president he delegated that division to (the court's extension settings).
import type { Database } from 'better-sqlite3';
import type { ExtensionSettings } from '../../../shared/extensions/api';
import { ROUTE_LABELS } from '../../../shared/extensions/rules';
import type { SettingsStore } from '../settings/settingsStore';
import type { CaseRow } from '../cases/caseRow';
import type { RequestRow } from './extensionViews';
import { InputError } from '../kernel/errors';

export const EXTENSION_SETTINGS_KEY = 'extensions';

export function extensionSettings(settings: SettingsStore): ExtensionSettings {
  const stored = settings.get<Partial<ExtensionSettings>>(EXTENSION_SETTINGS_KEY, {});
  return { refuseLate: stored.refuseLate === true, delegations: stored.delegations ?? {} };
}

export class ExtensionPeople {
  private s;

  constructor(db: Database, private settings: SettingsStore) {
    const withRole = (role: string, where: string) => db.prepare(
      `SELECT s.id, s.name FROM staff s JOIN staff_roles r ON r.staff_id = s.id AND r.role = '${role}'
       JOIN accounts a ON a.staff_id = s.id AND a.active = 1 WHERE s.active = 1 ${where} ORDER BY s.name`,
    );
    this.s = {
      heads: withRole('division_head', 'AND s.division_id = ?'),
      presidents: withRole('president', ''),
      division: db.prepare('SELECT name FROM divisions WHERE id = ?').pluck(),
      divisionNamed: db.prepare('SELECT 1 FROM divisions WHERE name = ?'),
      vicePresident: db.prepare("SELECT 1 FROM staff s JOIN staff_roles r ON r.staff_id = s.id AND r.role = 'vice_president' WHERE s.name = ?"),
      vicePresidents: withRole('vice_president', ''),
      // The divisions whose cases have time limits: trial divisions, 人民法庭 and enforcement; not offices.
      trialDivisions: db.prepare("SELECT name FROM divisions WHERE kind <> 'office' ORDER BY name").pluck(),
    };
  }

  /** The heads of a division who may give the opinion: never the requester himself, who may head it. */
  heads(divisionId: number, requester: number | null): Array<{ id: number; name: string }> {
    return (this.s.heads.all(divisionId) as Array<{ id: number; name: string }>).filter((h) => h.id !== requester);
  }

  /** The vice-president a division's requests go to, by name, or null when the president keeps them. */
  delegate(divisionId: number): string | null {
    const name = this.s.division.get(divisionId) as string | undefined;
    return (name !== undefined ? extensionSettings(this.settings).delegations[name] : undefined) ?? null;
  }

  /** A delegation names a division of this court and a vice-president; anything else is refused before it is kept. */
  checkDelegations(delegations: Record<string, string>): void {
    for (const [division, name] of Object.entries(delegations)) {
      if (this.s.divisionNamed.get(division) === undefined) throw new InputError(`“${division}”不是本院的部门`, 'delegations');
      if (this.s.vicePresident.get(name) === undefined) throw new InputError(`“${name}”不是本院的分管院领导，不能受委托审批${division}的延长审限`, 'delegations');
    }
  }

  /** What the settings screen offers: divisions to delegate, and the vice-presidents who can be named. */
  options(): { divisions: string[]; vicePresidents: string[] } {
    return {
      divisions: this.s.trialDivisions.all() as string[],
      vicePresidents: [...new Set((this.s.vicePresidents.all() as Array<{ name: string }>).map((v) => v.name))],
    };
  }

  /** Whoever acts next on a waiting request, as the queue names him. */
  waitingFor(r: RequestRow, c: CaseRow): string | null {
    switch (r.stage) {
      case 'opinion': return this.heads(c.division_id, r.requested_by).map((h) => h.name).join('、') || null;
      case 'higher_court': return r.route ? ROUTE_LABELS[r.route] : null;
      case 'decision':
      case 'forwarding': return this.delegate(c.division_id) ?? ((this.s.presidents.all() as Array<{ name: string }>).map((p) => p.name).join('、') || '院长');
      default: return null;
    }
  }
}
