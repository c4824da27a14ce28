// Who may enter a higher court's answer on 延审审批: the president, or the vice-president the request's division is delegated to (the core checks the same; the window only hides buttons that would be refused).
import { useEffect, useState } from 'react';
import type { Role } from '../../../../shared/accounts/roles';
import type { ExtensionRow } from '../../../../shared/api/contract';
import { api } from '../../stores';

export function mayActForLeadership(user: { name: string; roles: readonly Role[] } | null, r: Pick<ExtensionRow, 'division'>, delegations: Record<string, string>): boolean {
  if (!user) return false;
  if (user.roles.includes('president')) return true;
  return user.roles.includes('vice_president') && delegations[r.division] === user.name;
}

/** The court's delegations, read once when the page opens (extensions.settings). */
export function useDelegations(enabled: boolean): Record<string, string> {
  const [delegations, setDelegations] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!enabled) return;
    void api['extensions.settings']({}).then((r) => {
      if (r.ok) setDelegations(r.value.delegations);
    });
  }, [enabled]);
  return delegations;
}
