import './questionnaires.css';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { checkAnswers, isHighBurnout } from '../../domain/questionnaires/answers';
import type { Answer } from '../../domain/questionnaires/types';
import { RuleError, ruleErrorsOf } from '../../domain/rules';
import type { HandOver } from '../../hooks/useHandOver';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormError } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { QuestionField } from './QuestionField';
import { SupportStep } from './SupportStep';
import { responseActions, useHandOverSession } from './useHandOverSession';

type Step = 'questions' | 'support' | 'thanks';

/**
 * The whole window while the computer is handed to someone: their questionnaire and nothing else (no
 * navigation, no names but theirs). It ends by `onFinished`, when done or abandoned.
 */
export function HandOverScreen({ handOver, onFinished }: { handOver: HandOver; onFinished: () => void }) {
  const session = useHandOverSession(handOver);
  const [step, setStep] = useState<Step>('questions');
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [accepted, setAccepted] = useState(false);
  const [stopping, setStopping] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Each step starts at its heading, for the keyboard and screen readers.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the step is the trigger.
  useEffect(() => {
    headingRef.current?.focus();
  }, [step, session === undefined]);

  if (session === undefined)
    return (
      <HandOverFrame>
        <Loading what="Opening the questionnaire" />
      </HandOverFrame>
    );
  if (session === null)
    return (
      <HandOverFrame>
        <h1 ref={headingRef} tabIndex={-1}>
          This questionnaire is no longer available
        </h1>
        <p>Please hand the computer back.</p>
        <Button variant="primary" onClick={onFinished}>
          Hand back
        </Button>
      </HandOverFrame>
    );
  const { questionnaire } = session;

  async function save(wantsContact: boolean) {
    setBusy(true);
    setFormError(null);
    try {
      const saved = await responseActions.save({
        questionnaireId: handOver.questionnaireId,
        personId: handOver.personId,
        relationshipId: handOver.relationshipId,
        checkpoint: handOver.checkpoint,
        answers,
        wantsContact,
      });
      setAccepted(saved.support === 'accepted');
      setStep('thanks');
    } catch (error) {
      setFormError(
        error instanceof RuleError ? error.message : 'Your answers could not be saved. Please try again.',
      );
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    let checked: Record<string, Answer>;
    try {
      checked = checkAnswers(questionnaire, answers);
    } catch (error) {
      if (!(error instanceof RuleError)) throw error;
      const byField: Record<string, string> = {};
      for (const broken of ruleErrorsOf(error)) if (broken.field) byField[broken.field] = broken.message;
      setErrors(byField);
      setFormError(error.message);
      return;
    }
    if (isHighBurnout(questionnaire.id, checked)) setStep('support');
    else void save(false);
  }

  return (
    <HandOverFrame>
      {step === 'questions' && (
        <form onSubmit={submit} noValidate className="form">
          <h1 ref={headingRef} tabIndex={-1}>
            {questionnaire.title}
          </h1>
          <p className="hand-over__for">
            For {session.personName}
            {session.partnerName ? `, about your mentoring with ${session.partnerName}` : ''}
          </p>
          {questionnaire.intro && <p>{questionnaire.intro}</p>}
          <p className="muted">
            Your answers are private. The program manager sees only totals from five or more people, never
            your answers.
          </p>
          <FormError message={formError} />
          {questionnaire.questions.map((question, index) => (
            <QuestionField
              key={question.id}
              question={question}
              number={index + 1}
              value={answers[question.id] ?? null}
              onChange={(value) => setAnswers((current) => ({ ...current, [question.id]: value }))}
              error={errors[question.id]}
            />
          ))}
          <div className="button-row">
            <Button type="submit" variant="primary" disabled={busy}>
              Send my answers
            </Button>
            <Button onClick={() => setStopping(true)}>Stop without saving</Button>
          </div>
        </form>
      )}
      {step === 'support' && (
        <>
          <h1 ref={headingRef} tabIndex={-1}>
            Support is here for you
          </h1>
          <FormError message={formError} />
          <SupportStep contacts={session.contacts} busy={busy} onAnswer={(yes) => void save(yes)} />
        </>
      )}
      {step === 'thanks' && (
        <>
          <h1 ref={headingRef} tabIndex={-1}>
            Thank you
          </h1>
          <p>Your answers are saved.</p>
          {accepted && <p>The program manager will get in touch with you.</p>}
          <p>Please hand the computer back.</p>
          <Button variant="primary" onClick={onFinished}>
            Finish and hand back
          </Button>
        </>
      )}
      {stopping && (
        <ConfirmDialog
          title="Stop without saving?"
          message="Nothing you have chosen will be kept, and the computer goes back to the program manager."
          confirmLabel="Stop and hand back"
          danger
          onConfirm={onFinished}
          onCancel={() => setStopping(false)}
        />
      )}
    </HandOverFrame>
  );
}

function HandOverFrame({ children }: { children: ReactNode }) {
  return (
    <main className="app-main hand-over" aria-label="Private questionnaire">
      {children}
    </main>
  );
}
