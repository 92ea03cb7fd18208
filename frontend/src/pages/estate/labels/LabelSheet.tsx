import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { assets } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import { can } from "../../../auth/can";
import { useHomes } from "../../../auth/HomeProvider";
import { useSignedIn } from "../../../auth/SessionProvider";
import { Button } from "../../../components/fields";
import { Loading } from "../../../components/Loading";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import NotFound from "../../NotFound";
import { EstateToolsLinks } from "../defects/EstateToolsLinks";
import { Select } from "../../../components/fields";
import { useCategories, useLocations } from "../defects/lookups";
import { countAssets, fetchSheet, filtersFrom, locationOptions, searchOf, sheetsFor, type SheetFilters } from "./labels";
import { PrintOnly } from "./PrintOnly";
import "./labels.css";

/** An object URL for the SVG text, revoked when it changes or the page goes. */
function useSvgUrl(svg: string | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!svg) return undefined;
    const made = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [svg]);
  return svg ? url : null;
}

export default function LabelSheet() {
  const session = useSignedIn();
  const { current, loading } = useHomes();
  if (!can(session.roles, "assets:asset.label")) return <NotFound />;
  if (loading) return <Loading text="Loading your homes…" />;
  return <Labels defaultHome={current?.id ?? ""} />;
}

function Labels({ defaultHome }: { defaultHome: string }) {
  const { homes } = useHomes();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params, defaultHome);
  const [choice, setChoice] = useState({ home: filters.home, location: filters.location, category: filters.category });
  const locations = useLocations(choice.home);
  const categories = useCategories();
  const home = homes.find((h) => h.id === filters.home);
  const sheet = useQuery({ queryKey: ["label-sheet", filters], queryFn: () => fetchSheet(filters), enabled: Boolean(filters.home), placeholderData: keepPreviousData });
  const count = useQuery({ queryKey: ["label-count", { ...filters, cursor: "", sheet: 1 }], queryFn: () => countAssets(filters), enabled: Boolean(filters.home) });
  const src = useSvgUrl(sheet.data?.svg);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setParams(searchOf(choice).slice(1));
  };
  const base: Partial<SheetFilters> = { home: filters.home, location: filters.location, category: filters.category };
  const total = count.data;
  const sheets = total === undefined ? null : sheetsFor(total);
  const describe = [
    home?.name,
    locations.data?.find((l) => l.id === filters.location)?.name,
    categories.data?.find((c) => c.id === filters.category)?.name,
  ].filter(Boolean);

  return (
    <>
      {src && total !== 0 && (
        <PrintOnly>
          <img className="app-print-only__sheet" src={src} alt="" />
        </PrintOnly>
      )}
      <PageHeading caption="Estate">Print QR labels</PageHeading>
      <p className="govuk-body">
        Each label has a QR code that opens the asset’s page in Care Hub, where anyone can report a fault. The sheet fits A4 labels 63.5 mm by 38.1 mm, 21 to a sheet (Avery L7160 or similar).
      </p>
      <form className="app-filters" aria-label="Which labels" onSubmit={apply}>
        {homes.length > 1 && (
          <Select
            id="labels-home"
            name="home"
            label="Home"
            bold
            value={choice.home}
            onChange={(value) => setChoice({ home: value, location: "", category: choice.category })}
            options={homes.map((h) => ({ value: h.id, label: h.name }))}
          />
        )}
        <Select
          id="labels-location"
          name="location"
          label="Location"
          bold
          value={choice.location}
          onChange={(value) => setChoice({ ...choice, location: value })}
          options={[{ value: "", label: "Everywhere in the home" }, ...locationOptions(locations.data ?? [])]}
        />
        <Select
          id="labels-category"
          name="category"
          label="Category"
          bold
          value={choice.category}
          onChange={(value) => setChoice({ ...choice, category: value })}
          options={[{ value: "", label: "All categories" }, ...(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))]}
        />
        <div className="govuk-form-group">
          <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
            Show labels
          </button>
        </div>
      </form>

      {!filters.home && <p className="govuk-body">Choose a home to see its labels.</p>}
      {total !== undefined && (
        <p className="govuk-body" role="status">
          {total === 0
            ? "No assets match. Choose another location or category."
            : `${total === 1 ? "1 asset" : `${total.toLocaleString("en-GB")} assets`}: ${sheets === 1 ? "1 sheet" : `${sheets ?? 0} sheets`}. This is sheet ${filters.sheet}${sheets ? ` of ${sheets}` : ""}.`}
        </p>
      )}
      {sheet.isPending && filters.home && <Loading text="Drawing the labels…" />}
      {sheet.isError && <ProblemMessage error={sheet.error} />}
      {total !== 0 && src && (
        <>
          <div className="govuk-button-group">
            <Button type="button" onClick={() => window.print()}>
              Print this sheet
            </Button>
          </div>
          <p className="govuk-body-s">In the print settings choose A4, actual size (100%) and no margins, so the labels line up.</p>
          <img className="app-label-sheet" src={src} alt={`Sheet ${filters.sheet} of QR labels for ${describe.join(", ") || "the home"}`} />
        </>
      )}
      {(sheet.data?.nextCursor || filters.cursor) && (
        <nav className="govuk-pagination govuk-pagination--block" aria-label="Sheets of labels">
          {filters.cursor && (
            <div className="govuk-pagination__prev">
              <Link className="govuk-link govuk-pagination__link" to={`/estate/labels${searchOf(base)}`} rel="first">
                <span className="govuk-pagination__link-title">First sheet</span>
              </Link>
            </div>
          )}
          {sheet.data?.nextCursor && (
            <div className="govuk-pagination__next">
              <Link className="govuk-link govuk-pagination__link" to={`/estate/labels${searchOf({ ...base, cursor: sheet.data.nextCursor, sheet: filters.sheet + 1 })}`} rel="next">
                <span className="govuk-pagination__link-title">Next sheet</span>
              </Link>
            </div>
          )}
        </nav>
      )}
      <OneLabel homeId={filters.home} />
      <EstateToolsLinks here="labels" />
    </>
  );
}

/** Find one asset, to print or download just its label. */
function OneLabel({ homeId }: { homeId: string }) {
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const found = useQuery({
    queryKey: ["assets", "label-search", homeId, q],
    queryFn: () => unwrap(assets.GET("/v1/assets", { params: { query: { home_id: homeId, q, limit: 10 } } })),
    enabled: Boolean(homeId && q),
  });
  const search = (event: FormEvent) => {
    event.preventDefault();
    setQ(text.trim());
  };
  return (
    <>
      <h2 className="govuk-heading-m govuk-!-margin-top-8">One asset’s label</h2>
      <form className="app-filters" role="search" aria-label="One asset’s label" onSubmit={search}>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="labels-q">
            Tag, name or serial number
          </label>
          <input className="govuk-input govuk-input--width-20" id="labels-q" name="q" type="search" maxLength={100} value={text} onChange={(event) => setText(event.target.value)} />
        </div>
        <div className="govuk-form-group">
          <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
            Find
          </button>
        </div>
      </form>
      {found.isFetching && <Loading text="Searching…" />}
      {found.isError && <ProblemMessage error={found.error} />}
      {found.data && (
        <div role="status">
          {found.data.items.length === 0 ? (
            <p className="govuk-body">Nothing matches “{q}”.</p>
          ) : (
            <ul className="govuk-list">
              {found.data.items.map((asset) => (
                <li key={asset.id}>
                  <Link className="govuk-link" to={`/estate/labels/assets/${asset.id}`}>
                    {asset.name} ({asset.tag})
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}
