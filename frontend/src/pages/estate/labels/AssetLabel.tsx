import { Link, useParams } from "react-router";
import { ApiProblem } from "../../../api/problem";
import { Button } from "../../../components/fields";
import { Loading } from "../../../components/Loading";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import NotFound from "../../NotFound";
import { useAsset } from "../defects/lookups";
import { labelFileName, labelUrl } from "./labels";
import { PrintOnly } from "./PrintOnly";
import "./labels.css";

export default function AssetLabel() {
  const { assetId = "" } = useParams();
  const query = useAsset(assetId);
  if (query.isPending) return <Loading text="Loading the asset…" />;
  if (query.isError) {
    if (query.error instanceof ApiProblem && (query.error.status === 404 || query.error.status === 422)) return <NotFound />;
    return (
      <>
        <PageHeading>Sorry, this label could not be shown</PageHeading>
        <ProblemMessage error={query.error} />
      </>
    );
  }
  const asset = query.data;
  return (
    <>
      <PrintOnly>
        <img className="app-print-only__label" src={labelUrl(asset.id, "svg")} alt="" />
      </PrintOnly>
      <Link className="govuk-back-link" to={`/estate/labels?home=${asset.home_id}`}>
        All labels
      </Link>
      <PageHeading caption="QR label" title={`Label for ${asset.name}`}>
        {asset.name} ({asset.tag})
      </PageHeading>
      <img className="app-label-single" src={labelUrl(asset.id, "svg")} alt={`Label for ${asset.name}, tag ${asset.tag}, with a QR code of its page in Care Hub`} />
      <div className="govuk-button-group">
        <Button type="button" onClick={() => window.print()}>
          Print this label
        </Button>
      </div>
      <h2 className="govuk-heading-m">Download</h2>
      <ul className="govuk-list govuk-list--spaced">
        <li>
          <a className="govuk-link" href={labelUrl(asset.id, "svg")} download={labelFileName(asset.tag, "svg")}>
            The label, with the tag and name (SVG, for a label printer)
          </a>
        </li>
        <li>
          <a className="govuk-link" href={labelUrl(asset.id, "png")} download={labelFileName(asset.tag, "png")}>
            The QR code on its own (PNG picture)
          </a>
        </li>
      </ul>
      <img className="app-label-qr" src={labelUrl(asset.id, "png")} alt={`QR code for ${asset.name}`} />
      <p className="govuk-body">
        <Link className="govuk-link" to={`/estate/assets/${asset.id}`}>
          Go to the asset’s page
        </Link>
      </p>
    </>
  );
}
