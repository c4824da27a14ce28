// The permission matrix: the README states exactly what the code enforces, and scopes widen as roles combine.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ACTIONS, ACTION_LABELS, PERMISSIONS, ROLES, ROLE_LABELS, caseScope, parseRole } from '../../shared/accounts/roles';

describe('README matrix', () => {
  const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  it.each(ACTIONS)('row for %s matches PERMISSIONS', (action) => {
    const line = readme.split('\n').find((l) => l.startsWith(`| ${ACTION_LABELS[action]} (\`${action}\`) |`));
    expect(line, `README has no row for ${action}`).toBeDefined();
    const cells = line!.split('|').slice(2, -1).map((c) => c.trim());
    expect(cells).toEqual(ROLES.map((r) => (PERMISSIONS[r].has(action) ? '✓' : '')));
  });
});

describe('roles', () => {
  it.each(ROLES)('parses %s by id and by its Chinese name', (role) => {
    expect(parseRole(role)).toBe(role);
    expect(parseRole(ROLE_LABELS[role])).toBe(role);
  });
  it('rejects unknown roles', () => expect(parseRole('janitor')).toBeNull());

  it.each([
    [['judge'], { staffId: 7, divisionId: 3 }, { kind: 'own', staffId: 7 }],
    [['division_head'], { staffId: 7, divisionId: 3 }, { kind: 'division', divisionId: 3 }],
    [['judge', 'division_head'], { staffId: 7, divisionId: 3 }, { kind: 'division', divisionId: 3 }],
    [['clerk'], { staffId: 7, divisionId: null }, { kind: 'all' }],
    [['judge', 'president'], { staffId: 7, divisionId: 3 }, { kind: 'all' }],
    [['admin'], { staffId: 7, divisionId: null }, { kind: 'none' }],
  ] as const)('%j → %j', (roles, person, scope) => {
    expect(caseScope(roles, person)).toEqual(scope);
  });
});
