// The schema migrations in order, one file each; the schema version of a database is its PRAGMA user_version.
import type { Migration } from './types';
import { migration0001 } from './0001-core';
import { migration0002 } from './0002-search';
import { migration0003 } from './0003-accounts';
import { migration0004 } from './0004-search-document';
import { migration0005 } from './0005-application-id';
import { migration0006 } from './0006-text-limits';
import { migration0007 } from './0007-stopped-clocks';
import { migration0008 } from './0008-case-work';
import { migration0009 } from './0009-reconciliation';
import { migration0010 } from './0010-extension-workflow';
import { migration0011 } from './0011-assistant-judges';
import { migration0012 } from './0012-tallies';
import { migration0013 } from './0013-indicator-indexes';
import { migration0014 } from './0014-exchange-keys';
import { migration0015 } from './0015-exchange-packages';
import { migration0016 } from './0016-exchange-anchors-rotation';
import { migration0017 } from './0017-link-mediation-tallies';
import { migration0018 } from './0018-ledger';
import { migration0019 } from './0019-duration-year-tallies';
import { migration0020 } from './0020-flow-year-tallies';
import { migration0021 } from './0021-deep-link-simple';
import { migration0022 } from './0022-advance-month-tallies';
import { migration0023 } from './0023-duration-counts';

export type { Migration } from './types';

/**
 * A migration is never edited once shipped: its SQL is a literal, never a constant of the live code, so it keeps
 * doing what it did. A change of schema (or of data the schema implies, like the search document) is a new file and a
 * new entry here; test/db/schemaSnapshot.test.ts fails until the snapshot of a fresh schema is refreshed with it.
 */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011, migration0012, migration0013, migration0014, migration0015, migration0016, migration0017, migration0018, migration0019, migration0020, migration0021, migration0022, migration0023];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
