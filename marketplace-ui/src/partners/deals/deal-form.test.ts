import { describe, expect, it } from 'vitest';
import { validateDeal } from './deal-form';

describe('deal registration form', () => {
  it('normalises the domain and parses the amount into cents', () => {
    expect(validateDeal({ customerDomain: 'https://www.Brightside.example/contact', customerName: ' Brightside ', amount: '8,500.50' })).toEqual({
      errors: {},
      input: { customerDomain: 'brightside.example', customerName: 'Brightside', amountCents: 850_050 },
    });
  });

  it('names every field that is missing or wrong', () => {
    expect(validateDeal({ customerDomain: 'not a domain', customerName: '', amount: '12.345' }).errors).toEqual({
      customerDomain: 'Enter a domain such as example.com.',
      customerName: "Enter the customer's name.",
      amount: 'Enter an amount in dollars, for example 8,500 or 8500.00.',
    });
    expect(validateDeal({ customerDomain: 'a.example', customerName: 'A', amount: '0' }).errors).toEqual({ amount: 'The deal value must be more than $0.' });
  });
});
