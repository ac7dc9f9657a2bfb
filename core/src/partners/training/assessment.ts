/**
 * Training assessments: multiple choice, scored as correct / total. A pass is
 * a score of at least the pass mark (0.80), compared in integers
 * (correct × 10 000 ≥ passMarkBps × total), so 4 of 5 passes and 79 of 99
 * does not. A pass earns a certificate that expires a year later.
 */
import { PARTNER_ERROR_REASONS, PartnerRuleError } from '../partner-errors.js';

export interface Question {
  prompt: string;
  choices: string[];
  answer: number;
}

export interface AssessmentResult {
  correct: number;
  total: number;
  scoreBps: number;
  passed: boolean;
}

export function validateQuestions(questions: unknown): Question[] {
  if (!Array.isArray(questions) || questions.length === 0) throw new PartnerRuleError(PARTNER_ERROR_REASONS.ASSESSMENT_ANSWERS, 'A module needs at least one question.', 'questions');
  return questions.map((q, i) => {
    const v = q as Question;
    if (typeof v?.prompt !== 'string' || !Array.isArray(v.choices) || v.choices.length < 2 || !Number.isInteger(v.answer) || v.answer < 0 || v.answer >= v.choices.length) {
      throw new PartnerRuleError(PARTNER_ERROR_REASONS.ASSESSMENT_ANSWERS, `Question ${i + 1} needs a prompt, two or more choices and the index of the right one.`, `questions.${i}`);
    }
    return { prompt: v.prompt, choices: v.choices.map(String), answer: v.answer };
  });
}

export function scoreAssessment(questions: readonly Question[], answers: readonly number[], passMarkBps: number): AssessmentResult {
  if (answers.length !== questions.length) throw new PartnerRuleError(PARTNER_ERROR_REASONS.ASSESSMENT_ANSWERS, `Answer all ${questions.length} questions (got ${answers.length}).`, 'answers');
  const correct = questions.reduce((n, q, i) => n + (answers[i] === q.answer ? 1 : 0), 0);
  const total = questions.length;
  return { correct, total, scoreBps: Math.floor((correct * 10_000) / total), passed: correct * 10_000 >= passMarkBps * total };
}
