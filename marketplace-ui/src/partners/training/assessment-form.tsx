/** A module's assessment: one radio group per question; the result and any certificate come from the server (GraphQL `submitAssessment`). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { formatDate, Notice } from '../../components/status';
import { request } from '../../graphql/client';
import { graphql } from '../../graphql/generated';
import { PartnerErrorNotice } from '../partner-errors';

const SubmitAssessmentDocument = graphql(`
  mutation SubmitAssessment($partnerId: ID!, $moduleId: ID!, $answers: [Int!]!) {
    submitAssessment(partnerId: $partnerId, moduleId: $moduleId, answers: $answers) {
      correct
      total
      scoreBps
      passed
      certificate { id expiresAt }
    }
  }
`);

interface Module {
  id: string;
  title: string;
  questions: readonly { prompt: string; choices: readonly string[] }[];
}

export function AssessmentForm({ partnerId, module }: { partnerId: string; module: Module }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<(number | undefined)[]>(() => module.questions.map(() => undefined));
  const submit = useMutation({
    mutationFn: () => request(SubmitAssessmentDocument, { partnerId, moduleId: module.id, answers: answers.map((a) => a ?? -1) }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['partner-training', partnerId] }),
  });
  const result = submit.data?.submitAssessment;
  const complete = answers.every((a) => a !== undefined);
  return (
    <details>
      <summary>Take the assessment</summary>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (complete) submit.mutate();
        }}
      >
        {module.questions.map((q, qi) => (
          <fieldset key={qi} className="chips">
            <legend>
              {qi + 1}. {q.prompt}
            </legend>
            {q.choices.map((choice, ci) => (
              <label key={ci} className="chip">
                <input type="radio" name={`${id}-q${qi}`} checked={answers[qi] === ci} onChange={() => setAnswers(answers.map((a, i) => (i === qi ? ci : a)))} />
                {choice}
              </label>
            ))}
          </fieldset>
        ))}
        <div className="actions">
          <button type="submit" className="primary" disabled={!complete || submit.isPending}>
            Submit answers
          </button>
          {!complete ? <span className="small muted">Answer every question to submit.</span> : null}
        </div>
        <div aria-live="polite">
          {submit.error ? <PartnerErrorNotice error={submit.error} /> : null}
          {result ? (
            <Notice kind={result.passed ? 'success' : 'info'}>
              {result.correct} of {result.total} correct ({result.scoreBps / 100} %).{' '}
              {result.passed && result.certificate ? `Certificate issued, valid until ${formatDate(result.certificate.expiresAt)}.` : 'Not passed this time; you can try again.'}
            </Notice>
          ) : null}
        </div>
      </form>
    </details>
  );
}
