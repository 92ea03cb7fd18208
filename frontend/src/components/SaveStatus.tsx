import { useSyncExternalStore } from "react";
import { saveQueue, type SaveJobView } from "../lib/saveQueue";

export function useSaves(): readonly SaveJobView[] {
  return useSyncExternalStore(
    (listener) => saveQueue.subscribe(listener),
    () => saveQueue.list(),
  );
}

/** "Saving…" / "Not saved yet, will retry": every save still on its way, on every page. */
export function SaveStatus() {
  const saves = useSaves();
  const waiting = saves.filter((save) => save.state === "waiting");
  const saving = saves.filter((save) => save.state === "saving");
  return (
    <div role="status" aria-live="polite" className="app-save-status">
      {waiting.length > 0 && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <div className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {waiting.map((save) => (
              <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1" key={save.id}>
                {save.label}: not saved yet, will retry when the connection is back.
              </p>
            ))}
            <button type="button" className="app-link-button" onClick={() => saveQueue.retryAll()}>
              Try again now
            </button>
          </div>
        </div>
      )}
      {saving.length > 0 && waiting.length === 0 && <p className="govuk-body">Saving…</p>}
    </div>
  );
}
