import { describe, expect, it } from 'vitest';
import { scoreAssessment, validateQuestions } from './assessment.js';

const q = (n: number) => Array.from({ length: n }, (_, i) => ({ prompt: `Q${i}`, choices: ['a', 'b'], answer: 0 }));

describe('training assessment (pass mark 0.80)', () => {
  it('4 of 5 is exactly 80 % and passes; 3 of 5 fails', () => {
    expect(scoreAssessment(q(5), [0, 0, 0, 0, 1], 8000)).toEqual({ correct: 4, total: 5, scoreBps: 8000, passed: true });
    expect(scoreAssessment(q(5), [0, 0, 0, 1, 1], 8000)).toMatchObject({ scoreBps: 6000, passed: false });
  });

  it('79 of 99 (79.79 %) fails without float rounding', () => {
    const answers = Array.from({ length: 99 }, (_, i) => (i < 79 ? 0 : 1));
    expect(scoreAssessment(q(99), answers, 8000)).toMatchObject({ correct: 79, scoreBps: 7979, passed: false });
  });

  it('refuses a wrong number of answers and malformed questions', () => {
    expect(() => scoreAssessment(q(2), [0], 8000)).toThrow(/Answer all 2/);
    expect(() => validateQuestions([{ prompt: 'x', choices: ['a'], answer: 0 }])).toThrow(/two or more choices/);
  });
});
