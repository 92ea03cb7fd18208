import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { useHomes } from "../auth/HomeProvider";
import { useSession } from "../auth/SessionProvider";
import type { Session } from "../auth/session";

function HomeSwitcher() {
  const { homes, current, choose, loading } = useHomes();
  const [selected, setSelected] = useState<string>("");
  if (loading) return null;
  if (!current) {
    return <p className="govuk-body app-account-bar__home">No home is linked to your account yet. Ask your manager.</p>;
  }
  if (homes.length === 1) {
    return (
      <p className="govuk-body app-account-bar__home">
        Working in <strong>{current.name}</strong>
      </p>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (selected) choose(selected);
  };
  return (
    <form className="app-account-bar__home-form" onSubmit={submit} aria-label="Choose a home">
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="home-switcher">
          Working in
        </label>
        <select
          className="govuk-select"
          id="home-switcher"
          name="home"
          value={selected || current.id}
          onChange={(event) => setSelected(event.target.value)}
        >
          {homes.map((home) => (
            <option key={home.id} value={home.id}>
              {home.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        Change home
      </button>
    </form>
  );
}

export function AccountBar({ session, roleText }: { session: Session; roleText: string }) {
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const doSignOut = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await signOut(() => void navigate("/sign-in", { replace: true, state: { signedOut: true } }));
    } catch {
      setBusy(false);
      setFailed(true);
    }
  };
  return (
    <div className="app-account-bar">
      <div className="govuk-width-container app-account-bar__inner">
        <p className="govuk-body app-account-bar__who">
          Signed in as <strong>{session.name}</strong> <span className="govuk-hint govuk-!-display-inline">({roleText})</span>
        </p>
        <HomeSwitcher />
        <button type="button" className="app-link-button govuk-body" onClick={() => void doSignOut()} disabled={busy}>
          Sign out
        </button>
        {failed && (
          <p className="govuk-error-message" role="alert">
            You are still signed in: Care Hub could not be reached. Try again.
          </p>
        )}
      </div>
    </div>
  );
}
