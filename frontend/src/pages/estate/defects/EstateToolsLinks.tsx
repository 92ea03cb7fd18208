import { Link } from "react-router";
import { can } from "../../../auth/can";
import { useSignedIn } from "../../../auth/SessionProvider";

type Tool = "defects" | "import" | "labels";

/** "Also in Estate": the estate tools' own pages, each shown only to those who may use it. */
export function EstateToolsLinks({ here }: { here: Tool }) {
  const session = useSignedIn();
  const links: { tool: Tool; to: string; label: string; show: boolean }[] = [
    { tool: "defects", to: "/estate/defects", label: "Faults and repairs", show: can(session.roles, "assets:defect.read") },
    { tool: "labels", to: "/estate/labels", label: "Print QR labels", show: can(session.roles, "assets:asset.label") },
    { tool: "import", to: "/estate/import", label: "Import assets from a spreadsheet", show: can(session.roles, "assets:asset.import") },
  ];
  const shown = links.filter((link) => link.show && link.tool !== here);
  if (shown.length === 0) return null;
  return (
    <nav className="govuk-!-margin-top-8" aria-labelledby="estate-tools-title">
      <h2 className="govuk-heading-s" id="estate-tools-title">
        Also in Estate
      </h2>
      <ul className="govuk-list">
        {shown.map((link) => (
          <li key={link.tool}>
            <Link className="govuk-link" to={link.to}>
              {link.label}
            </Link>
          </li>
        ))}
        <li>
          <Link className="govuk-link" to="/estate">
            Estate
          </Link>
        </li>
      </ul>
    </nav>
  );
}
