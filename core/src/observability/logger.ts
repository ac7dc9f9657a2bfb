/**
 * Structured logging with pino. Every log object passes through `redact`, so
 * tokens, authorization headers and anything named secret/password/token never
 * reach the output.
 */
import { pino, type Logger, type DestinationStream } from 'pino';
import { redact, redactText } from './redact.js';

export type { Logger } from 'pino';

export function createLogger(level = 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'nudge-core' },
      formatters: {
        log: (object) => redact(object) as Record<string, unknown>,
      },
      hooks: {
        // Messages are free text: mask inline credentials there as well.
        logMethod(args, method) {
          const masked = args.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg));
          return method.apply(this, masked as Parameters<typeof method>);
        },
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
