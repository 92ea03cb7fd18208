import { Link, type To } from "react-router";

interface Props {
  /** What is paged, for screen readers: "Pages of residents". */
  label: string;
  /** Back to the first page (null on the first page). */
  first: To | null;
  /** On with the API's next cursor (null on the last page). */
  next: To | null;
  firstText?: string;
  nextText?: string;
}

/** Keyset paging, GOV.UK style: back to the first page, and on to the next (there is no "previous"). */
export function Pagination({ label, first, next, firstText = "First page", nextText = "Next page" }: Props) {
  if (!first && !next) return null;
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label={label}>
      {first && (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={first} rel="first">
            <span className="govuk-pagination__link-title">{firstText}</span>
          </Link>
        </div>
      )}
      {next && (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={next} rel="next">
            <svg className="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
              <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z" />
            </svg>
            <span className="govuk-pagination__link-title">{nextText}</span>
          </Link>
        </div>
      )}
    </nav>
  );
}
