// The lists under a home's compliance figures: open defects, and open recalls with the home's
// equipment each one reaches.
import { Link } from "react-router";
import { Loading } from "../../../components/Loading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import { formatDate } from "../assets/dates";
import { DEFECT_STATUS_NAMES, PRIORITY_NAMES } from "../assets/names";
import type { Recall, RecallAction } from "../assets/types";
import { plural } from "./compliance";
import { useHomeDefects, useOpenRecalls, useRecallAssets } from "./summary";

export function OpenDefects({ homeId }: { homeId: string }) {
  const query = useHomeDefects(homeId);
  return (
    <section aria-labelledby="open-defects">
      <h2 className="govuk-heading-m" id="open-defects" tabIndex={-1}>
        Open defects
      </h2>
      {query.isPending && <Loading text="Loading defects…" />}
      {query.isError && <ProblemMessage error={query.error} />}
      {query.isSuccess && query.data.items.length === 0 && <p className="govuk-body">No open defects.</p>}
      {query.isSuccess && query.data.items.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Open defects, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Defect</th>
              <th scope="col" className="govuk-table__header">Priority</th>
              <th scope="col" className="govuk-table__header">Status</th>
              <th scope="col" className="govuk-table__header">Reported</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {query.data.items.map((defect) => (
              <tr className="govuk-table__row" key={defect.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/estate/assets/${defect.asset_id}`}>
                    {defect.title}
                  </Link>
                  {defect.took_out_of_service && <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">Took the equipment out of service</span>}
                </td>
                <td className="govuk-table__cell">{PRIORITY_NAMES[defect.priority]}</td>
                <td className="govuk-table__cell">{DEFECT_STATUS_NAMES[defect.status]}</td>
                <td className="govuk-table__cell">{formatDate(defect.created_at.slice(0, 10))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const RECALL_ACTIONS: Record<RecallAction, string> = {
  pending: "Still to check",
  checked: "Checked, fine",
  modified: "Fixed as the notice says",
  withdrawn: "Taken out of use",
};

/** One open recall: what it is, and this home's equipment it reaches with what was done to each. */
function RecallCard({ recall, homeId }: { recall: Recall; homeId: string }) {
  const affected = useRecallAssets(recall.id, homeId);
  const items = affected.data?.items ?? [];
  const pending = items.filter((item) => item.action === "pending").length;
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">
          {recall.reference}: {recall.title}
        </h3>
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Equipment</dt>
            <dd className="govuk-summary-list__value">
              {recall.make} {recall.model}
              {(recall.serial_from || recall.serial_to) && ` (serials ${recall.serial_from ?? "…"} to ${recall.serial_to ?? "…"})`}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">What to do</dt>
            <dd className="govuk-summary-list__value">{recall.action_required}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">In this home</dt>
            <dd className="govuk-summary-list__value">
              {affected.isPending && "Loading…"}
              {affected.isError && "Could not be loaded. Reload the page to try again."}
              {affected.isSuccess && (
                <>
                  <p className="govuk-body">
                    {plural(items.length, "asset")}
                    {affected.data.next_cursor ? " or more" : ""}, {pending} still to check.
                  </p>
                  <ul className="govuk-list">
                    {items.map((item) => (
                      <li key={item.id}>
                        <Link className="govuk-link" to={`/estate/assets/${item.asset_id}`}>
                          {item.asset_tag}
                        </Link>
                        : {RECALL_ACTIONS[item.action]}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </dd>
          </div>
        </dl>
      </div>
    </div>
  );
}

export function OpenRecalls({ homeId }: { homeId: string }) {
  const query = useOpenRecalls(homeId);
  return (
    <section aria-labelledby="open-recalls">
      <h2 className="govuk-heading-m" id="open-recalls" tabIndex={-1}>
        Open recalls
      </h2>
      {query.isPending && <Loading text="Loading recalls…" />}
      {query.isError && <ProblemMessage error={query.error} />}
      {query.isSuccess && query.data.items.length === 0 && <p className="govuk-body">No open recalls or safety notices.</p>}
      {query.isSuccess && query.data.items.map((recall) => <RecallCard key={recall.id} recall={recall} homeId={homeId} />)}
    </section>
  );
}
