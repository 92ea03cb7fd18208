import { useQuery } from "@tanstack/react-query";
import { PasswordInput } from "govuk-frontend";
import { useRef, useState, type FormEvent } from "react";
import { Navigate, useLocation, useNavigate, useSearchParams } from "react-router";
import { ApiProblem, isNetworkError } from "../api/problem";
import { safeReturnPath } from "../auth/RequireAuth";
import { fetchAuthConfig, signIn } from "../auth/session";
import { useSession } from "../auth/SessionProvider";
import { ErrorSummary, type SummaryItem } from "../components/ErrorSummary";
import { Button } from "../components/fields";
import { Loading } from "../components/Loading";
import { NotificationBanner } from "../components/NotificationBanner";
import { PageHeading } from "../components/PageHeading";
import { useGovuk } from "../components/useGovuk";
import { providerErrorMessage, signInOptions, type SignInOptions } from "./signInMethod";

/** "Too many attempts" in whole minutes (at least one). */
export function tooManyAttemptsMessage(retryAfterSeconds: number | null): string {
  if (retryAfterSeconds === null) return "Too many attempts to sign in. Wait a few minutes, then try again.";
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts to sign in. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}

interface Errors {
  username?: string;
  password?: string;
  form?: string;
}

function signInErrors(error: unknown): Errors {
  if (error instanceof ApiProblem && error.status === 401) {
    return { form: "The username or password is not right. Check them and try again." };
  }
  if (error instanceof ApiProblem && error.status === 429) return { form: tooManyAttemptsMessage(error.retryAfterSeconds) };
  // Passwords were turned off after this page loaded: the page asks the gateway again.
  if (error instanceof ApiProblem && error.status === 409) return { form: "Sign in with your organisation’s account instead." };
  if (isNetworkError(error)) return { form: "Care Hub could not be reached. Check your connection and try again." };
  return { form: "Sorry, you could not be signed in. Try again later." };
}

const PROVIDER_LINK_ID = "provider-sign-in";

/** The error summary's lines: the provider's refusal (after a redirect back), then the form's. */
function summaryOf(errors: Errors, providerError: string | null, options: SignInOptions): SummaryItem[] {
  const formTarget = options.password ? "username" : options.providerHref ? PROVIDER_LINK_ID : null;
  return [
    ...(providerError && !errors.form ? [{ target: options.providerHref ? PROVIDER_LINK_ID : null, text: providerError }] : []),
    ...(errors.form ? [{ target: formTarget, text: errors.form }] : []),
    ...(errors.username ? [{ target: "username", text: errors.username }] : []),
    ...(errors.password ? [{ target: "password", text: errors.password }] : []),
  ];
}

/** A page navigation (not an in-app link): the gateway sends the browser to the provider. */
function ProviderSignIn({ options }: { options: SignInOptions }) {
  if (!options.providerHref) return null;
  return (
    <>
      <p className="govuk-body">Use the account you sign in to your work computer or email with.</p>
      <a id={PROVIDER_LINK_ID} href={options.providerHref} role="button" draggable="false" className="govuk-button" data-module="govuk-button">
        {options.providerLabel}
      </a>
    </>
  );
}

export default function SignIn() {
  const { session, signedIn } = useSession();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const next = safeReturnPath(params.get("next"));
  const [errors, setErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const config = useQuery({ queryKey: ["auth-config"], queryFn: fetchAuthConfig, staleTime: 5 * 60_000, retry: 1 });
  const options = signInOptions(config.data, next);
  const providerError = providerErrorMessage(params.get("error"));
  useGovuk(ref, [PasswordInput], [options.password, config.isPending]);

  const signedOut = (location.state as { signedOut?: boolean } | null)?.signedOut === true;
  if (session && !busy && !signedOut) return <Navigate to={next} replace />;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get("username") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const missing: Errors = {};
    if (!username) missing.username = "Enter your username";
    if (!password) missing.password = "Enter your password";
    setAttempt((n) => n + 1);
    if (missing.username || missing.password) {
      setErrors(missing);
      return;
    }
    setBusy(true);
    try {
      const answer = await signIn(username, password);
      setErrors({});
      signedIn(answer);
      void navigate(next, { replace: true });
    } catch (error) {
      setErrors(signInErrors(error));
      if (error instanceof ApiProblem && error.status === 409) void config.refetch();
    } finally {
      setBusy(false);
    }
  };

  const items = summaryOf(errors, providerError, options);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds" ref={ref}>
        {items.length > 0 && <ErrorSummary key={attempt} items={items} />}
        {signedOut && items.length === 0 && <NotificationBanner success>You have signed out.</NotificationBanner>}
        <PageHeading title="Sign in" hasErrors={items.length > 0}>
          Sign in to Care Hub
        </PageHeading>
        {config.isPending ? <Loading text="Loading…" /> : options.password ? (
          <PasswordForm errors={errors} busy={busy} onSubmit={(event) => void submit(event)} />
        ) : (
          <ProviderSignIn options={options} />
        )}
      </div>
    </div>
  );
}

function PasswordForm({ errors, busy, onSubmit }: { errors: Errors; busy: boolean; onSubmit: (event: FormEvent<HTMLFormElement>) => void }) {
  return (
    <>
      <p className="govuk-body">Use the username and password your manager gave you.</p>
      <form onSubmit={onSubmit} noValidate>
        <div className={`govuk-form-group${errors.username ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label govuk-label--s" htmlFor="username">
            Username
          </label>
          {errors.username && (
            <p id="username-error" className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {errors.username}
            </p>
          )}
          <input
            className={`govuk-input govuk-!-width-two-thirds${errors.username ? " govuk-input--error" : ""}`}
            id="username"
            name="username"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            aria-describedby={errors.username ? "username-error" : undefined}
          />
        </div>
        <div
          className={`govuk-form-group govuk-password-input${errors.password ? " govuk-form-group--error" : ""}`}
          data-module="govuk-password-input"
        >
          <label className="govuk-label govuk-label--s" htmlFor="password">
            Password
          </label>
          {errors.password && (
            <p id="password-error" className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {errors.password}
            </p>
          )}
          <div className="govuk-input__wrapper govuk-password-input__wrapper">
            <input
              className={`govuk-input govuk-!-width-two-thirds govuk-password-input__input govuk-js-password-input-input${errors.password ? " govuk-input--error" : ""}`}
              id="password"
              name="password"
              type="password"
              spellCheck={false}
              autoComplete="current-password"
              autoCapitalize="none"
              aria-describedby={errors.password ? "password-error" : undefined}
            />
            <button
              type="button"
              className="govuk-button govuk-button--secondary govuk-password-input__toggle govuk-js-password-input-toggle"
              data-module="govuk-button"
              aria-controls="password"
              aria-label="Show password"
              hidden
            >
              Show
            </button>
          </div>
        </div>
        <Button disabled={busy}>{busy ? "Signing in…" : "Sign in"}</Button>
      </form>
      <p className="govuk-body">If you have forgotten your password, ask your manager or the IT service desk to reset it.</p>
    </>
  );
}
