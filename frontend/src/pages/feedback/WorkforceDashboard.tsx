import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { can } from "../../auth/can";
import { useHomes } from "../../auth/HomeProvider";
import { useSignedIn } from "../../auth/SessionProvider";
import { LineChart } from "../../components/charts";
import { Loading } from "../../components/Loading";
import { PageHeading } from "../../components/PageHeading";
import { ProblemMessage } from "../../components/ProblemMessage";
import NotFound from "../NotFound";
import { fetchIndicators, fetchSeries, useBenchmarks } from "./api";
import { addMonths, formatMonth, todayInLondon } from "./dates";
import { DateInput, Select } from "../../components/fields";
import type { Benchmark, Indicators } from "./types";
import { FeedbackNav, searchOf, Tag, useHomeName } from "./ui";
import { benchmarkFor, formatAxisValue, formatIndicator, INDICATORS, missingText, seriesTrend, worseThan, type IndicatorInfo } from "./workforce";

const ALL = "all";

function monthFrom(param: string | null, fallback: string): string {
  return param && /^\d{4}-(0[1-9]|1[0-2])$/.test(param) ? `${param}-01` : fallback;
}

export default function WorkforceDashboard() {
  const session = useSignedIn();
  const { current, homes, loading } = useHomes();
  const [params] = useSearchParams();
  const allowed = can(session.roles, "feedback:workforce.indicators");
  if (!allowed) {
    // People who may enter returns but not read the indicators go straight to the entry page.
    return can(session.roles, "feedback:workforce.submit") ? <ReturnLinkOnly /> : <NotFound />;
  }
  if (loading) return <Loading text="Loading your homes…" />;
  const home = params.get("home") ?? current?.id ?? ALL;
  const lastMonth = addMonths(todayInLondon(), -1);
  const month = monthFrom(params.get("month"), lastMonth);
  return <Dashboard key={`${home}-${month}`} home={home === ALL || !homes.some((h) => h.id === home) ? ALL : home} month={month} />;
}

function ReturnLinkOnly() {
  return (
    <>
      <FeedbackNav />
      <PageHeading caption="Feedback">Workforce</PageHeading>
      <Link className="govuk-link" to="/feedback/workforce/return">
        Enter a monthly workforce return
      </Link>
    </>
  );
}

function Dashboard({ home, month }: { home: string; month: string }) {
  const session = useSignedIn();
  const { homes } = useHomes();
  const homeName = useHomeName();
  const [, setParams] = useSearchParams();
  const [chosenHome, setChosenHome] = useState(home);
  const [chosenMonth, setChosenMonth] = useState(month.slice(0, 7));
  const homeId = home === ALL ? "" : home;
  const benchmarks = useBenchmarks();
  const indicators = useQuery({ queryKey: ["feedback", "indicators", homeId, month], queryFn: () => fetchIndicators(homeId, month), placeholderData: keepPreviousData });
  const series = useQuery({ queryKey: ["feedback", "series", homeId, month], queryFn: () => fetchSeries(homeId, addMonths(month, -23), month) });

  const show = (event: FormEvent) => {
    event.preventDefault();
    setParams(searchOf({ home: chosenHome, month: chosenMonth }).slice(1));
  };
  const place = homeId ? homeName(homeId) : "all homes";
  const mine = homeId ? (indicators.data?.items.find((i) => i.home_id === homeId) ?? null) : null;

  return (
    <>
      <FeedbackNav />
      <PageHeading caption="Feedback">Workforce</PageHeading>
      <p className="govuk-body-l">
        Recruitment and retention in {place}, {formatMonth(month)}, against the national figures for adult social care.
      </p>
      <form className="app-filters" aria-label="Choose the home and month" onSubmit={show}>
        <Select id="workforce-home" name="home" label="Home" value={chosenHome} onChange={setChosenHome} options={[...(homes.length > 1 ? [{ value: ALL, label: "All homes" }] : []), ...homes.map((h) => ({ value: h.id, label: h.name }))]} />
        <DateInput id="workforce-month" name="month" type="month" label="Month" value={chosenMonth} onChange={setChosenMonth} />
        <div className="govuk-form-group">
          <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
            Show
          </button>
        </div>
      </form>
      {can(session.roles, "feedback:workforce.submit") && (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/feedback/workforce/return${searchOf({ home: homeId, month: month.slice(0, 7) })}`}>
            Enter or correct the return for {homeId ? homeName(homeId) : "a home"}, {formatMonth(month)}
          </Link>
        </p>
      )}
      {indicators.isPending && <Loading text="Loading the indicators…" />}
      {indicators.isError && <ProblemMessage error={indicators.error} />}
      {indicators.data && homeId && (mine ? <IndicatorCards figures={mine} benchmarks={benchmarks.data} /> : <p className="govuk-body">There is no workforce return for {place} for {formatMonth(month)} yet.</p>)}
      {indicators.data && !homeId && <HomesTable items={indicators.data.items} benchmarks={benchmarks.data} />}
      <h2 className="govuk-heading-l govuk-!-margin-top-8">Trends</h2>
      {series.isError && <ProblemMessage error={series.error} />}
      {series.data && (
        <>
          {INDICATORS.map((info) => (
            <TrendChart key={info.key} info={info} trend={seriesTrend(series.data, info.key)} benchmark={benchmarkFor(benchmarks.data, info.key)} place={place} />
          ))}
        </>
      )}
    </>
  );
}

function IndicatorCards({ figures, benchmarks }: { figures: Indicators; benchmarks: readonly Benchmark[] | undefined }) {
  return (
    <>
      <p className="govuk-body">
        {figures.headcount} staff in post. {figures.months_covered} of the last 12 months have a return.
      </p>
      <dl className="govuk-summary-list">
        {INDICATORS.map((info) => {
          const value = figures[info.key];
          const benchmark = benchmarkFor(benchmarks, info.key);
          const worse = worseThan(info, value, benchmark);
          return (
            <div className="govuk-summary-list__row" key={info.key}>
              <dt className="govuk-summary-list__key">
                {info.label}
                <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0 govuk-!-font-weight-regular">{info.explain}</span>
              </dt>
              <dd className="govuk-summary-list__value">
                {value === null ? (
                  missingText(info, figures.months_covered)
                ) : (
                  <span className="govuk-!-font-size-27 govuk-!-font-weight-bold" data-indicator={info.key}>
                    {formatIndicator(info, value)}
                  </span>
                )}
                {benchmark && (
                  <span className="govuk-!-display-block">
                    National figure {formatIndicator(info, benchmark.value)} ({benchmark.year}){" "}
                    {worse === true && <Tag className="govuk-tag--red">Worse than national</Tag>}
                    {worse === false && <Tag className="govuk-tag--green">Better than or equal to national</Tag>}
                  </span>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      {benchmarks && benchmarks.length > 0 && <p className="govuk-body-s">National figures: {[...new Set(benchmarks.map((b) => `${b.source}, ${b.year}`))].join("; ")}.</p>}
    </>
  );
}

function HomesTable({ items, benchmarks }: { items: readonly Indicators[]; benchmarks: readonly Benchmark[] | undefined }) {
  const homeName = useHomeName();
  if (items.length === 0) return <p className="govuk-body">No home has a workforce return for this month yet.</p>;
  return (
    <div style={{ overflowX: "auto" }} tabIndex={0} role="region" aria-label="Indicators by home">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Each home this month</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Home</th>
            {INDICATORS.map((info) => (
              <th scope="col" className="govuk-table__header govuk-table__header--numeric" key={info.key}>
                {info.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {items.map((row) => (
            <tr className="govuk-table__row" key={row.home_id ?? "all"}>
              <th scope="row" className="govuk-table__header">
                <Link className="govuk-link" to={`/feedback/workforce${searchOf({ home: row.home_id ?? "", month: row.month.slice(0, 7) })}`}>
                  {homeName(row.home_id)}
                </Link>
              </th>
              {INDICATORS.map((info) => {
                const value = row[info.key];
                const worse = worseThan(info, value, benchmarkFor(benchmarks, info.key));
                return (
                  <td className="govuk-table__cell govuk-table__cell--numeric" key={info.key}>
                    {value === null ? "Not enough returns" : formatIndicator(info, value)}
                    {worse === true && (
                      <>
                        {" "}
                        <Tag className="govuk-tag--red">Worse than national</Tag>
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TrendChart({ info, trend, benchmark, place }: { info: IndicatorInfo | undefined; trend: ReturnType<typeof seriesTrend>; benchmark: Benchmark | null; place: string }) {
  if (!info) return null;
  return (
    <LineChart
      title={`${info.label}${info.unit === "days" ? " (days)" : ""}, ${place}`}
      periodLabel="Month"
      periods={trend.periods}
      series={[{ key: info.key, label: place }]}
      values={trend.values}
      {...(benchmark ? { benchmark: { label: `National figure (${benchmark.year})`, value: benchmark.value } } : {})}
      format={(value) => formatAxisValue(info, value)}
      nullText={info.rolling ? "Not enough returns" : "No return"}
    />
  );
}
