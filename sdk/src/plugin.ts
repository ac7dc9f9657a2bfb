/**
 * The builders a plugin author calls: `definePlugin` and the typed `define*` helpers (contract §1).
 * They return their argument unchanged, so the build and the sandbox read the very same object.
 * This module runs inside the isolate: it imports nothing at runtime.
 */
import type {
  ActionDefinition,
  JsonSchema,
  PluginDefinition,
  PollingTriggerDefinition,
  SyncDefinition,
  WebhookTriggerDefinition,
} from './plugin/definition.js';

export type {
  ActionDefinition,
  ApiKeyAuth,
  AuthDefinition,
  AuthTestResult,
  BasicAuth,
  InferSchema,
  JsonSchema,
  NoAuth,
  OAuth2Auth,
  OAuth2Endpoints,
  OptionChoice,
  OptionsProvider,
  Permissions,
  PluginDefinition,
  PluginKind,
  PollingTriggerDefinition,
  SyncDefinition,
  SyncPage,
  TriggerDefinition,
  WebhookTriggerDefinition,
} from './plugin/definition.js';
export type {
  FetchInit,
  FetchResponse,
  InstallationInfo,
  PluginContext,
  PluginLogger,
  PluginStore,
  WebhookRequest,
} from './plugin/context.js';

/**
 * Declares a plugin. Default-export its result from `src/index.ts`.
 * Wrap each action, trigger and sync in its `define*` helper so hook parameters are typed.
 * @example
 * export default definePlugin({ id: 'acme', name: 'Acme', ..., actions: { createContact } });
 */
export function definePlugin<const D extends PluginDefinition>(definition: D): D {
  return definition;
}

/**
 * Declares an action. `input` in `run` is typed from the `input` schema and the return value and
 * `sample` from the `output` schema; a field the schema does not declare is a compile error.
 * @example
 * export const createContact = defineAction({
 *   title: 'Create contact', description: '...',
 *   input: { type: 'object', properties: { email: { type: 'string' } }, required: ['email'] },
 *   output: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
 *   sample: { id: 'c_1' },
 *   async run(ctx, input) { ... input.email ... },
 * });
 */
export function defineAction<const I extends JsonSchema, const O extends JsonSchema>(
  action: ActionDefinition<I, O>,
): ActionDefinition<I, O> {
  return action;
}

/**
 * Declares a polling trigger. `dedupeKey` must be a property of the output items.
 * @example
 * export const newContact = definePollingTrigger({ type: 'polling', dedupeKey: 'id', output: {...}, ... });
 */
export function definePollingTrigger<const O extends JsonSchema>(
  trigger: PollingTriggerDefinition<O>,
): PollingTriggerDefinition<O> {
  return trigger;
}

/** Declares a webhook trigger (`subscribe`, `unsubscribe`, `verify`, optional `handle`). */
export function defineWebhookTrigger<const O extends JsonSchema>(
  trigger: WebhookTriggerDefinition<O>,
): WebhookTriggerDefinition<O> {
  return trigger;
}

/** Declares a sync; `records` returned by `fetch` are typed from `model.schema`. */
export function defineSync<const S extends JsonSchema>(sync: SyncDefinition<S>): SyncDefinition<S> {
  return sync;
}
