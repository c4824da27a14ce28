// The names of the API calls, without their schemas, so the sandboxed preload can list them cheaply.
export const API_METHODS = [
  'app.info',
  'cases.list',
  'cases.count',
  'cases.get',
  'catalog.divisions',
  'catalog.judges',
  'deadlines.summary',
  'auth.status',
  'auth.setup',
  'auth.signIn',
  'auth.unlock',
  'auth.signOut',
  'auth.changePassword',
  'users.list',
  'users.add',
  'users.setActive',
  'users.resetPassword',
  'audit.list',
  'audit.verify',
  'settings.setIdleLock',
] as const;
export type ApiMethod = (typeof API_METHODS)[number];
