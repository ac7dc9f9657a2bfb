import { describe, expect, it } from 'vitest';
import { describeRunError } from './run-error';

describe('describeRunError', () => {
  it('says what a known code means and keeps only the plugin\'s own words', () => {
    expect(describeRunError('RETRYABLE', 'action createContact: PluginError RETRYABLE: The API answered 503.')).toEqual({
      title: 'The other service was briefly unavailable.',
      detail: 'The API answered 503.',
    });
  });

  it('falls back to a plain sentence, and keeps an unshaped message whole', () => {
    expect(describeRunError('SOMETHING_NEW', 'disk full')).toEqual({ title: 'The run failed.', detail: 'disk full' });
    expect(describeRunError(null, null)).toEqual({ title: 'The run failed.', detail: undefined });
  });
});
