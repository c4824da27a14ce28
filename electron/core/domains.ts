// The core's domains, one line each: composed into the one table of calls every host dispatches through.
import { API } from '../../shared/api/contract';
import { combineDomains } from './kernel/domain';
import type { CoreServices } from './app/services';
import { appDomain } from './app/handlers';
import { accountsDomain } from './accounts/handlers';
import { casesDomain } from './cases/handlers';
import { caseWorkDomain } from './cases/workHandlers';
import { caseExportDomain } from './cases/exportHandlers';
import { caseImportDomain } from './cases/importHandlers';
import { deadlinesDomain } from './deadlines/handlers';
import { auditDomain } from './audit/handlers';
import { backupDomain } from './backup/handlers';
import { settingsDomain } from './settings/handlers';
import { jobsDomain } from './jobs/handlers';
import { extensionsDomain } from './extensions/handlers';
import { indicatorsDomain } from './indicators/handlers';
import { exchangeDomain } from './exchange/handlers';
import { exchangeKeysDomain } from './exchange/keys/handlers';
import { exchangeCompareDomain } from './exchange/compare/handlers';
import { exchangeHelpDomain } from './exchange/help/handlers';
import { reportsDomain } from './reports/handlers';
import { ledgerDomain } from './ledger/handlers';
import { ledgerTrendDomain } from './ledger/trend/handlers';
import { ledgerMeetingsDomain } from './ledger/meetings/handlers';
import { ledgerDocumentsDomain } from './ledger/documents/handlers';
import { ledgerProjectionDomain } from './ledger/projection/handlers';

export const DOMAINS = [
  appDomain,
  accountsDomain,
  casesDomain,
  caseWorkDomain,
  caseExportDomain,
  caseImportDomain,
  deadlinesDomain,
  auditDomain,
  backupDomain,
  settingsDomain,
  jobsDomain,
  extensionsDomain,
  indicatorsDomain,
  exchangeDomain,
  exchangeKeysDomain,
  exchangeCompareDomain,
  exchangeHelpDomain,
  reportsDomain,
  ledgerDomain,
  ledgerTrendDomain,
  ledgerMeetingsDomain,
  ledgerDocumentsDomain,
  ledgerProjectionDomain,
];

/** Checked when this module loads: a call served twice, or not at all, stops the program before any window opens. */
export const bindRoutes = combineDomains<CoreServices>(DOMAINS, API);
