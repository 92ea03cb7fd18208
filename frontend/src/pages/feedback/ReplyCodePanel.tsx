import { useState } from "react";
import { Button } from "../../components/fields";

/** The private reply code, shown once, with what it is for and a copy button. */
export function ReplyCodePanel({ code, anonymous }: { code: string; anonymous: boolean }) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  };
  return (
    <section className="govuk-inset-text" aria-labelledby="reply-code-title">
      <h2 className="govuk-heading-m" id="reply-code-title">
        Your private reply code
      </h2>
      <p className="govuk-body govuk-!-font-size-36 govuk-!-font-weight-bold" style={{ fontFamily: "monospace", wordBreak: "break-word" }} data-testid="reply-code">
        {code}
      </p>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          Write this code down or copy it now. It is shown only this once and cannot be shown again, not even by an administrator.
        </strong>
      </div>
      <p className="govuk-body">
        Use it in “Reply with your code” to read what managers say about your feedback and to reply
        {anonymous ? ", without giving your name" : ""}. Anyone with the code can read the conversation, so keep it to yourself.
      </p>
      <Button type="button" secondary onClick={() => void copy()}>
        Copy the code
      </Button>
      <p className="govuk-body" role="status" aria-live="polite">
        {copied === "yes" ? "The code has been copied." : copied === "no" ? "The code could not be copied. Write it down instead." : ""}
      </p>
    </section>
  );
}
