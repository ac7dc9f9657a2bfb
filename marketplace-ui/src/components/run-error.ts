/**
 * A failed run in the product's language. The runtime stores the error code and
 * a message shaped "<kind> <member>: <ErrorType> <CODE>: <the plugin's words>";
 * people read a sentence for the code, then the plugin's own words.
 */
const RUN_ERROR_SENTENCES: Record<string, string> = {
  RETRYABLE: 'The other service was briefly unavailable.',
  RATE_LIMITED: 'The other service asked us to slow down.',
  AUTH_EXPIRED: 'The connected account was refused; it may need to be reconnected.',
  NEEDS_REAUTH: 'The connected account needs to be reconnected.',
  INVALID_INPUT: 'The action refused the data the automation gave it. Check the mapping.',
  TIMEOUT: 'The integration took too long to answer.',
  SANDBOX_CRASHED: 'The integration stopped unexpectedly.',
  SANDBOX_UNAVAILABLE: 'The platform could not run the integration just now.',
  INSTALLATION_NOT_RUNNABLE: 'The integration is paused or needs attention, so it did not run.',
  AUTOMATION_NOT_FOUND: 'The automation was deleted before it ran.',
};

const SHAPE = /^\w+ [\w.$-]+: \w+ [A-Z0-9_]+: ([\s\S]*)$/;

export function describeRunError(code: string | null | undefined, message: string | null | undefined): { title: string; detail: string | undefined } {
  const title = (code ? RUN_ERROR_SENTENCES[code] : undefined) ?? 'The run failed.';
  const words = message ? (SHAPE.exec(message)?.[1] ?? message).trim() : '';
  return { title, detail: words && words !== title ? words : undefined };
}
