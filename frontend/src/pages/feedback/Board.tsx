import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { can } from "../../auth/can";
import { useHomes } from "../../auth/HomeProvider";
import { useSignedIn } from "../../auth/SessionProvider";
import { BarChart } from "../../components/charts";
import { Loading } from "../../components/Loading";
import { PageHeading } from "../../components/PageHeading";
import { ProblemMessage } from "../../components/ProblemMessage";
import NotFound from "../NotFound";
import { fetchBoard } from "./api";
import { groupActions, THEME_SERIES, themeChart, withheldText } from "./board";
import { formatDate, isIsoDate } from "./dates";
import { DateInput, Select } from "../../components/fields";
import { ACTION_STATUS_NAMES, ACTION_STATUS_TAG, KIND_SHORT } from "./names";
import type { WeDid } from "./types";
import { FeedbackNav, searchOf, Tag, useHomeName } from "./ui";

const ALL = "all";

export default function BoardPage() {
  const { loading } = useHomes();
  // The default home is the person's current one: wait for their homes before choosing.
  return loading ? <Loading text="Loading your homes…" /> : <BoardView />;
}

function BoardView() {
  const session = useSignedIn();
  const { homes, current } = useHomes();
  const [params, setParams] = useSearchParams();
  // No home in the address: the home the person is working in (the council for org-wide roles).
  const homeParam = params.get("home") ?? current?.id ?? ALL;
  const filters = {
    home_id: homeParam === ALL ? "" : homeParam,
    period_from: isIsoDate(params.get("from") ?? "") ? (params.get("from") ?? "") : "",
    period_to: isIsoDate(params.get("to") ?? "") ? (params.get("to") ?? "") : "",
  };
  const [home, setHome] = useState(homeParam);
  const [from, setFrom] = useState(filters.period_from);
  const [to, setTo] = useState(filters.period_to);
  const query = useQuery({
    queryKey: ["feedback", "board", filters],
    queryFn: () => fetchBoard(filters),
    placeholderData: keepPreviousData,
    enabled: can(session.roles, "feedback:board.read"),
  });
  if (!can(session.roles, "feedback:board.read")) return <NotFound />;

  const show = (event: FormEvent) => {
    event.preventDefault();
    setParams(searchOf({ home, from, to }).slice(1));
  };
  const board = query.data;
  const groups = board ? groupActions(board.actions) : null;
  const place = filters.home_id ? (homes.find((h) => h.id === filters.home_id)?.name ?? "this home") : "the whole council";

  return (
    <>
      <FeedbackNav />
      <PageHeading caption="Feedback">You said, we did</PageHeading>
      <p className="govuk-body-l">What people told us, and what we are doing about it, in {place}.</p>
      <form className="app-filters" aria-label="Choose the home and dates" onSubmit={show}>
        <Select
          id="board-home"
          name="home"
          label="Home"
          value={home}
          onChange={setHome}
          options={[{ value: ALL, label: "Whole council" }, ...homes.map((h) => ({ value: h.id, label: h.name }))]}
        />
        <DateInput id="board-from" name="from" label="From" value={from} onChange={setFrom} />
        <DateInput id="board-to" name="to" label="To" value={to} onChange={setTo} />
        <div className="govuk-form-group">
          <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
            Show
          </button>
        </div>
      </form>
      {query.isPending && <Loading text="Loading the board…" />}
      {query.isError && <ProblemMessage error={query.error} />}
      {board && groups && (
        <div aria-busy={query.isFetching}>
          <p className="govuk-body">
            From {formatDate(board.period_from)} to {formatDate(board.period_to)}: <strong>{board.items_raised}</strong> {board.items_raised === 1 ? "piece" : "pieces"} of feedback.
          </p>
          <h2 className="govuk-heading-m">What we did</h2>
          <ActionList actions={groups.done} empty="Nothing has been finished in this period yet." min={board.min_contributors} />
          <h2 className="govuk-heading-m">What we are doing</h2>
          <ActionList actions={groups.doing} empty="Nothing is under way in this period." min={board.min_contributors} />
          {groups.notDoing.length > 0 && (
            <>
              <h2 className="govuk-heading-m">What we are not doing, and why</h2>
              <ActionList actions={groups.notDoing} empty="" min={board.min_contributors} />
            </>
          )}
          <h2 className="govuk-heading-m">What you told us about</h2>
          {board.themes.length === 0 ? (
            <p className="govuk-body">No feedback was given in this period.</p>
          ) : (
            <BarChart title="Feedback by theme" categoryLabel="Theme" stacked series={THEME_SERIES} {...themeChart(board)} />
          )}
        </div>
      )}
    </>
  );
}

function ActionList({ actions, empty, min }: { actions: readonly WeDid[]; empty: string; min: number }) {
  const homeName = useHomeName();
  if (actions.length === 0) return empty ? <p className="govuk-body">{empty}</p> : null;
  return (
    <ul className="govuk-list">
      {actions.map((action) => (
        <li key={action.action_id} className="govuk-summary-card">
          <div className="govuk-summary-card__title-wrapper">
            <h3 className="govuk-summary-card__title">{action.title}</h3>
            <Tag className={ACTION_STATUS_TAG[action.status]}>{ACTION_STATUS_NAMES[action.status]}</Tag>
          </div>
          <div className="govuk-summary-card__content">
            <dl className="govuk-summary-list">
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">You said</dt>
                <dd className="govuk-summary-list__value">
                  {action.you_said.length === 0 && "—"}
                  <ul className="govuk-list govuk-!-margin-bottom-0">
                    {action.you_said.map((said, index) => (
                      <li key={index}>
                        <span className="govuk-!-font-weight-bold">{KIND_SHORT[said.kind]}: </span>
                        {said.withheld || said.said === null ? <em>{withheldText(min)}</em> : `“${said.said}”`}
                      </li>
                    ))}
                  </ul>
                  {action.items > action.you_said.length && <p className="govuk-body-s govuk-!-margin-bottom-0">and {action.items - action.you_said.length} more</p>}
                </dd>
              </div>
              {action.status === "done" && (
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">We did</dt>
                  <dd className="govuk-summary-list__value">{action.outcome}</dd>
                </div>
              )}
              {action.status === "not_doing" && (
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Why not</dt>
                  <dd className="govuk-summary-list__value">{action.not_doing_reason}</dd>
                </div>
              )}
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Where</dt>
                <dd className="govuk-summary-list__value">
                  {homeName(action.home_id)}
                  {action.theme ? ` · ${action.theme}` : ""}
                </dd>
              </div>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Who</dt>
                <dd className="govuk-summary-list__value">{action.owner}</dd>
              </div>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{action.completed_on ? "Finished" : "Due by"}</dt>
                <dd className="govuk-summary-list__value">{formatDate(action.completed_on ?? action.due_date)}</dd>
              </div>
            </dl>
          </div>
        </li>
      ))}
    </ul>
  );
}
