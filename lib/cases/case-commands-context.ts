import type { Actor } from '../access/access-service';
import type { Db } from '../db/db';
import type { CaseContentStore } from './case-content-store';

/** What every case command gets: who acts, the database, the form store and the clock. */
export type CaseContext = { db: Db; store: CaseContentStore; actor: Actor; now?: Date };
