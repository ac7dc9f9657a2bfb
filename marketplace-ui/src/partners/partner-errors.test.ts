import { describe, expect, it } from 'vitest';
import { ApiError } from '../graphql/api-error';
import { describePartnerError, readableMessage } from './partner-errors';

describe('partner refusals in product language', () => {
  it('turns the deal conflict reason into a sentence and its timestamp into a date', () => {
    const error = new ApiError([{ code: 'CONFLICT', reason: 'DEAL_ALREADY_REGISTERED', message: 'Another partner registered a deal for a.example; it is protected until 2027-03-04T10:00:00.000Z.' }]);
    expect(describePartnerError(error)).toEqual({
      title: 'This customer is already registered and protected, so your registration was refused.',
      detail: 'Another partner registered a deal for a.example; it is protected until 4 Mar 2027.',
    });
  });

  it('shows cents as dollars and MDF categories by name', () => {
    expect(readableMessage('The demand_generation budget for 2027-Q1 has 20000 cents left; the claim asks for 20100.')).toBe(
      'The Demand generation budget for 2027-Q1 has $200.00 left; the claim asks for $201.00.',
    );
  });

  it('falls back to the platform sentence for other errors', () => {
    expect(describePartnerError(new ApiError([{ code: 'FORBIDDEN', message: 'Only partner owners can do this.' }])).detail).toBe('Only partner owners can do this.');
  });
});
