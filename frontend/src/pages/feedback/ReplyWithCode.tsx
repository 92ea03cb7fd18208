import { useState, type FormEvent } from "react";
import type { FieldMessage } from "../../api/messages";
import { ApiProblem } from "../../api/problem";
import { can } from "../../auth/can";
import { useSignedIn } from "../../auth/SessionProvider";
import { ErrorSummary } from "../../components/ErrorSummary";
import { Button, TextInput } from "../../components/fields";
import { PageHeading } from "../../components/PageHeading";
import { formatDateTime } from "../../lib/format";
import { saveQueue } from "../../lib/saveQueue";
import NotFound from "../NotFound";
import { lookupConversation, replyWithCode } from "./api";
import { formatDate } from "./dates";
import { Textarea } from "../../components/fields";
import { KIND_SHORT } from "./names";
import { normaliseReplyCode } from "./replyCode";
import { messageFor, saveErrors } from "./saveErrors";
import type { Conversation, Message } from "./types";
import { FeedbackNav } from "./ui";

/**
 * The submitter's side of a conversation. The code is typed in, sent in a request body and kept
 * only in this page's memory: never in the address, the history or the query cache.
 */
export default function ReplyWithCode() {
  const session = useSignedIn();
  const [code, setCode] = useState("");
  const [conversation, setConversation] = useState<Conversation | null>(null);
  const [errors, setErrors] = useState<FieldMessage[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  if (!can(session.roles, "feedback:conversation.use")) return <NotFound />;

  const open = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const normal = normaliseReplyCode(code);
    if (!normal) {
      setErrors([{ field: "code", message: "Enter your reply code, like ABCD-EFGH-…, as it was shown to you" }]);
      return;
    }
    setBusy(true);
    try {
      setConversation(await lookupConversation(normal));
      setErrors([]);
    } catch (error) {
      const notFound = error instanceof ApiProblem && (error.status === 404 || error.status === 422);
      setErrors(notFound ? [{ field: "code", message: "No feedback has this reply code. Check the code and try again." }] : saveErrors(error, {}));
    } finally {
      setBusy(false);
    }
  };

  const summary = errors.map(({ field, message }) => ({ target: field === "code" ? "reply-code" : null, text: message }));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FeedbackNav />
        {summary.length > 0 && <ErrorSummary key={attempt} items={summary} />}
        <PageHeading caption="Feedback" hasErrors={summary.length > 0}>
          Reply with your code
        </PageHeading>
        {!conversation ? (
          <form onSubmit={(event) => void open(event)} noValidate aria-busy={busy}>
            <p className="govuk-body">Enter the private reply code you were given when you sent your feedback. You can read what managers have said and reply. If you gave your feedback anonymously, you stay anonymous.</p>
            <TextInput
              id="reply-code"
              name="reply_code"
              label="Reply code"
              hint="24 letters and numbers, in groups of four"
              width="30"
              spellCheck={false}
              autoComplete="off"
              value={code}
              onChange={setCode}
              error={messageFor(errors, "code")}
            />
            <Button disabled={busy}>{busy ? "Opening…" : "Open the conversation"}</Button>
          </form>
        ) : (
          <ConversationView
            code={normaliseReplyCode(code) ?? code}
            conversation={conversation}
            onSent={(message) => setConversation({ ...conversation, messages: [...conversation.messages, message] })}
            onClose={() => {
              setConversation(null);
              setCode("");
            }}
          />
        )}
      </div>
    </div>
  );
}

function ConversationView({ code, conversation, onSent, onClose }: { code: string; conversation: Conversation; onSent: (m: Message) => void; onClose: () => void }) {
  const { item, messages } = conversation;
  const [body, setBody] = useState("");
  const [errors, setErrors] = useState<FieldMessage[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const text = body.trim();
    if (!text) return setErrors([{ field: "body", message: "Enter your reply" }]);
    if (text.length > 4000) return setErrors([{ field: "body", message: "Your reply must be 4,000 characters or fewer" }]);
    setBusy(true);
    try {
      const message = await saveQueue.submit("Your reply", (key) => replyWithCode(code, text, key));
      onSent(message);
      setBody("");
      setErrors([]);
      setSent(true);
    } catch (error) {
      setErrors(saveErrors(error, { body: "your reply" }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h2 className="govuk-heading-m">Your feedback</h2>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">You said</dt>
          <dd className="govuk-summary-list__value">{item.summary}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Kind</dt>
          <dd className="govuk-summary-list__value">{KIND_SHORT[item.kind]}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Given on</dt>
          <dd className="govuk-summary-list__value">{formatDate(item.raised_on)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Given</dt>
          <dd className="govuk-summary-list__value">{item.anonymous ? "Anonymously" : "Under your name"}</dd>
        </div>
      </dl>
      <MessageList messages={messages} submitterLabel="You" />
      {errors.length > 0 && <ErrorSummary key={attempt} items={errors.map(({ message }) => ({ target: "reply-body", text: message }))} />}
      {sent && (
        <p className="govuk-body" role="status">
          Your reply has been sent.
        </p>
      )}
      <form onSubmit={(event) => void send(event)} noValidate aria-busy={busy}>
        <Textarea id="reply-body" name="body" bold label="Your reply" maxLength={4000} value={body} onChange={setBody} error={messageFor(errors, "body")} />
        <div className="govuk-button-group">
          <Button disabled={busy}>{busy ? "Sending…" : "Send reply"}</Button>
          <button type="button" className="app-link-button" onClick={onClose}>
            Close the conversation
          </button>
        </div>
      </form>
    </>
  );
}

/** A conversation, oldest first. The submitter's words are labelled, never named when anonymous. */
export function MessageList({ messages, submitterLabel }: { messages: readonly Message[]; submitterLabel: string }) {
  if (messages.length === 0) return <p className="govuk-body">No messages yet.</p>;
  return (
    <>
      <h2 className="govuk-heading-m">Messages</h2>
      <ol className="govuk-list" aria-label="Messages, oldest first">
        {messages.map((message) => (
          <li key={message.id} className={`govuk-inset-text govuk-!-margin-top-2 govuk-!-margin-bottom-2${message.from_submitter ? "" : " govuk-!-margin-left-6"}`}>
            <p className="govuk-body-s govuk-!-margin-bottom-1 govuk-!-font-weight-bold">
              {message.from_submitter ? submitterLabel : (message.author_name ?? "A manager")}
              {" · "}
              {message.from_submitter ? formatDate(message.created_at) : formatDateTime(message.created_at)}
            </p>
            <p className="govuk-body govuk-!-margin-bottom-0" style={{ whiteSpace: "pre-wrap" }}>
              {message.body}
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}
