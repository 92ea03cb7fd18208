import { Link, useParams } from "react-router";
import { HomeDashboard } from "./HomeDashboard";

/** /estate/homes/:homeId/compliance: one home's dashboard. */
export default function HomeCompliance() {
  const { homeId = "" } = useParams();
  return (
    <>
      <Link className="govuk-back-link" to="/estate">
        Estate
      </Link>
      <HomeDashboard key={homeId} homeId={homeId} />
    </>
  );
}
