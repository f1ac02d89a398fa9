import { useFormalReview, type ShareRequestDetail } from '../../../api/sharing';
import { DecisionForm } from '../../../components/DecisionForm';
import { useT } from '../../../i18n/useT';

/** The bureau's formal review (R14.1–R14.3, R15.1): approve, or reject with every reason and its legal basis (R16.1). */
export function FormalReviewForm({ request }: { readonly request: ShareRequestDetail }) {
  const t = useT();
  const review = useFormalReview();
  return (
    <DecisionForm
      testId="formal-review"
      help={t(`share.formal.help.${request.route}`)}
      pending={review.isPending}
      error={review.error}
      onDecide={(decision) =>
        review.mutateAsync({
          id: request.id,
          body: {
            approve: decision.approve,
            ...(decision.comment ? { comment: decision.comment } : {}),
            ...(decision.reasons ? { reasons: decision.reasons } : {}),
          },
        })
      }
    />
  );
}
