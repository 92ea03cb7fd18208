import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { assets } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import { formatDateTime } from "../../../lib/format";
import { STATUS_NAMES } from "../defects/defects";

/** Faults already reported and not yet fixed, so a person need not report the same one twice. */
export function OpenFaults({ assetId }: { assetId: string }) {
  const query = useQuery({
    queryKey: ["defects", "asset", assetId],
    queryFn: () => unwrap(assets.GET("/v1/defects", { params: { query: { asset_id: assetId, limit: 20 } } })),
  });
  const open = (query.data?.items ?? []).filter((defect) => defect.status === "open" || defect.status === "in_progress");
  if (open.length === 0) return null;
  return (
    <div className="govuk-inset-text">
      <h2 className="govuk-heading-s govuk-!-margin-bottom-2">Already reported</h2>
      <ul className="govuk-list">
        {open.slice(0, 5).map((defect) => (
          <li key={defect.id}>
            <Link className="govuk-link" to={`/estate/defects/${defect.id}`}>
              {defect.title}
            </Link>{" "}
            ({STATUS_NAMES[defect.status].toLowerCase()}, {formatDateTime(defect.created_at)})
          </li>
        ))}
      </ul>
      <p className="govuk-body govuk-!-margin-bottom-0">If your fault is one of these, you do not need to report it again.</p>
    </div>
  );
}
