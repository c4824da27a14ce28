// The sections of the window, one line each. The router, the side navigation (sorted by each entry's order), App's
// screen switch and the data controller read this list; a new section is a folder under features/ and a line here.
// Nothing may read FEATURES while modules load (only inside functions): pages import the router, which imports this.
import { casesFeature } from './cases/feature';
import { deadlinesFeature } from './deadlines/feature';
import { exchangeFeature } from './exchange/feature';
import { extensionsFeature } from './extensions/feature';
import { indicatorsFeature } from './indicators/feature';
import { ledgerReviewFeature } from './ledgerReview/feature';
import { reconciliationFeature } from './reconciliation/feature';
import { settingsFeature } from './settings/feature';

export const FEATURES = [
  casesFeature,
  deadlinesFeature,
  reconciliationFeature,
  extensionsFeature,
  indicatorsFeature,
  ledgerReviewFeature,
  exchangeFeature,
  settingsFeature,
] as const;

export type AppFeature = (typeof FEATURES)[number];
/** The navigation key of each section ('cases', 'deadlines', …). */
export type NavKey = AppFeature['id'];
