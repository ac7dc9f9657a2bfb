/**
 * The drizzle schema, gathered for drizzle's relational queries and drizzle-kit.
 * Each table group lives in its own file; this file only names them.
 */
import * as audit from './audit.js';
import * as contacts from './contacts.js';
import * as identity from './identity.js';
import * as installations from './installations.js';
import * as notifications from './notifications.js';
import * as oauth from './oauth.js';
import * as partners from './partners.js';
import * as partnersProgram from './partners-program.js';
import * as partnersSupport from './partners-support.js';
import * as registry from './registry.js';
import * as runtime from './runtime.js';
import * as runtimeTriggers from './runtime-triggers.js';
import * as sandbox from './sandbox.js';
import * as usage from './usage.js';

export const schema = { ...identity, ...registry, ...installations, ...runtime, ...runtimeTriggers, ...contacts, ...usage, ...notifications, ...audit, ...oauth, ...sandbox, ...partners, ...partnersProgram, ...partnersSupport };
