// The commands of courtdesk, one line each; each lives beside the other commands of its domain.
import type { CommandSpec } from '../cliHost';
import { cases, deadline, event, importCmd } from './cases';
import { init, password, unlock, user } from './accounts';
import { audit } from './audit';
import { backup, restore } from './backup';
import { alertSettings, holidayRoll } from './settings';
import { seed } from './app';
import { caseCmd, closingRules } from './caseWork';
import { reconcile } from './reconcile';
import { extension, extensionSettings } from './extension';
import { alerts } from './alerts';
import { indicators } from './indicators';
import { ranges } from './ranges';
import { report } from './reports';
import { compare, courts, exportCmd, exportsCmd, receive, returnCmd, revoke, verify } from './exchange';
import { keys, recipient, register } from './keys';
import { helpMeasure } from './helpMeasure';
import { ledger } from './ledger';
import { project } from './projection';

export const COMMANDS = {
  init,
  seed,
  import: importCmd,
  event,
  deadline,
  alerts, 'alert-settings': alertSettings,
  reconcile,
  indicators,
  ranges,
  report,
  project,
  export: exportCmd,
  exports: exportsCmd,
  verify,
  receive,
  courts,
  compare,
  return: returnCmd,
  revoke,
  'help-measure': helpMeasure,
  keys,
  recipient,
  register,
  extension, 'extension-settings': extensionSettings,
  ledger,
  cases,
  case: caseCmd, 'closing-rules': closingRules,
  user,
  password,
  unlock,
  audit,
  'holiday-roll': holidayRoll,
  backup,
  restore,
} satisfies Record<string, CommandSpec>;
export type CommandName = keyof typeof COMMANDS;
