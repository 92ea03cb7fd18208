import { ApiProblem, isNetworkError } from "../api/problem";
import { problemSentence } from "../api/messages";

/** A failed load, in words: for a page whose data could not be fetched. */
export function ProblemMessage({ error }: { error: unknown }) {
  const text = isNetworkError(error)
    ? "Care Hub could not be reached. Check your connection, then reload the page."
    : error instanceof ApiProblem
      ? problemSentence(error)
      : "Sorry, something went wrong. Reload the page to try again.";
  const reference = error instanceof ApiProblem && error.requestId ? error.requestId : null;
  return (
    <div className="govuk-inset-text">
      <p className="govuk-body">{text}</p>
      {reference && <p className="govuk-body-s">If you contact support, give this reference: {reference}</p>}
    </div>
  );
}
