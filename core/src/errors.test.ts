import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES, NotFoundError, ValidationError, toProblem } from './errors.js';

describe('toProblem', () => {
  it('maps typed errors to their status and stable code', () => {
    expect(toProblem(new NotFoundError('Plugin shopify'))).toMatchObject({ status: 404, code: 'NOT_FOUND', detail: 'Plugin shopify was not found.' });
    expect(toProblem(new ValidationError('bad', { path: '/a' }))).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', path: '/a' });
    expect(toProblem(new AppError(ERROR_CODES.RATE_LIMITED, 'slow down')).status).toBe(429);
  });

  it('hides the message of unknown errors', () => {
    const problem = toProblem(new Error('connection string postgres://user:pw@host/db'));
    expect(problem).toMatchObject({ status: 500, code: 'INTERNAL' });
    expect(JSON.stringify(problem)).not.toContain('postgres://');
  });
});
