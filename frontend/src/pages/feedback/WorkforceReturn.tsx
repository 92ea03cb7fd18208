import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import type { FieldMessage } from "../../api/messages";
import { ApiProblem } from "../../api/problem";
import { can } from "../../auth/can";
import { useHomes } from "../../auth/HomeProvider";
import { useSignedIn } from "../../auth/SessionProvider";
import { ConflictPanel } from "../../components/ConflictPanel";
import { ErrorSummary } from "../../components/ErrorSummary";
import { Button } from "../../components/fields";
import { Loading } from "../../components/Loading";
import { NotificationBanner } from "../../components/NotificationBanner";
import { PageHeading } from "../../components/PageHeading";
import { ProblemMessage } from "../../components/ProblemMessage";
import { compareVersions, keepMine, type Conflict } from "../../lib/conflict";
import { formatDateTime } from "../../lib/format";
import { saveQueue } from "../../lib/saveQueue";
import NotFound from "../NotFound";
import { correctReturn, createReturn, fetchReturn, type Versioned } from "./api";
import { formatMonth, todayInLondon } from "./dates";
import { DateInput, Select } from "../../components/fields";
import { STAFF_ROLE_NAMES, STAFF_ROLES } from "./names";
import { saveErrors } from "./saveErrors";
import type { WorkforceReturn as SavedReturn } from "./types";
import { FeedbackNav, searchOf } from "./ui";
import {
  allFields,
  emptyReturn,
  FIGURE_LABELS,
  fieldLabel,
  fieldLabels,
  HOME_FIGURES,
  ROLE_COLUMNS,
  returnFieldOf,
  toReturnFigures,
  toReturnValues,
  totals,
  validateReturn,
  type ReturnField,
  type ReturnValues,
} from "./workforceForm";

const FIELD_ID = (field: string) => `return-${field.replace(".", "-")}`;

export default function WorkforceReturnPage() {
  const session = useSignedIn();
  const { loading } = useHomes();
  if (!can(session.roles, "feedback:workforce.submit")) return <NotFound />;
  return loading ? <Loading text="Loading your homes…" /> : <ReturnChooser />;
}

function ReturnChooser() {
  const { homes, current } = useHomes();
  const [params, setParams] = useSearchParams();
  const thisMonth = todayInLondon().slice(0, 7);
  const homeParam = params.get("home") ?? "";
  const monthParam = params.get("month") ?? "";
  const home = homes.some((h) => h.id === homeParam) ? homeParam : "";
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(monthParam) && monthParam <= thisMonth ? `${monthParam}-01` : "";
  const [chosenHome, setChosenHome] = useState(home || (current?.id ?? ""));
  const [chosenMonth, setChosenMonth] = useState(monthParam || thisMonth);
  const [chooseError, setChooseError] = useState<string | null>(null);
  const saved = useQuery({ queryKey: ["feedback", "return", home, month], queryFn: () => fetchReturn(home, month), enabled: Boolean(home && month) });

  const choose = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(chosenMonth)) return setChooseError("Enter the month, like 2026-11");
    if (chosenMonth > thisMonth) return setChooseError("A return cannot be for a month that has not started");
    setChooseError(null);
    setParams(searchOf({ home: chosenHome, month: chosenMonth }).slice(1));
  };
  const homeName = homes.find((h) => h.id === home)?.name ?? "";

  return (
    <>
      <FeedbackNav />
      <Link className="govuk-back-link" to="/feedback/workforce">
        Workforce
      </Link>
      {chooseError && <ErrorSummary items={[{ target: "return-month", text: chooseError }]} />}
      <PageHeading caption="Workforce" hasErrors={chooseError !== null}>
        {home && month ? `Workforce return: ${homeName}, ${formatMonth(month)}` : "Monthly workforce return"}
      </PageHeading>
      <p className="govuk-body">Figures for the staff the council employs directly, as they stood at the end of the month. Do not count agency staff in post.</p>
      <form className="app-filters" aria-label="Choose the home and month" onSubmit={choose}>
        <Select id="return-home" name="home" label="Home" value={chosenHome} onChange={setChosenHome} options={[{ value: "", label: "Choose a home" }, ...homes.map((h) => ({ value: h.id, label: h.name }))]} />
        <DateInput id="return-month" name="month" type="month" label="Month" value={chosenMonth} onChange={setChosenMonth} error={chooseError ?? undefined} />
        <div className="govuk-form-group">
          <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
            Open the return
          </button>
        </div>
      </form>
      {home && month && saved.isPending && <Loading text="Loading the return…" />}
      {saved.isError && <ProblemMessage error={saved.error} />}
      {home && month && saved.isSuccess && <ReturnForm key={`${home}-${month}`} homeId={home} month={month} homeName={homeName} loaded={saved.data} />}
    </>
  );
}

function ReturnForm({ homeId, month, homeName, loaded }: { homeId: string; month: string; homeName: string; loaded: Versioned<SavedReturn> | null }) {
  const queryClient = useQueryClient();
  const [base, setBase] = useState(loaded);
  const [values, setValues] = useState<ReturnValues>(() => (loaded ? toReturnValues(loaded.data) : emptyReturn()));
  const [errors, setErrors] = useState<FieldMessage[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ conflict: Conflict<ReturnField>; theirs: Versioned<SavedReturn> } | null>(null);
  const set = (field: ReturnField) => (value: string) => setValues((old) => ({ ...old, [field]: value }));
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const sum = totals(values);
  const label = `The workforce return for ${homeName}, ${formatMonth(month)}`;

  const save = async (next: ReturnValues, from: Versioned<SavedReturn> | null) => {
    const figures = toReturnFigures(next);
    setBusy(true);
    try {
      const result = await saveQueue.submit(label, async (key) => (from ? correctReturn(from.data.id, from.etag, figures) : { data: await createReturn({ ...figures, home_id: homeId, month }, key), etag: "" }));
      const fresh = result.etag ? result : await fetchReturn(homeId, month);
      setBase(fresh);
      setErrors([]);
      setSavedAt(fresh?.data.updated_at ?? new Date().toISOString());
      void queryClient.invalidateQueries({ queryKey: ["feedback", "return", homeId, month] });
      void queryClient.invalidateQueries({ queryKey: ["feedback", "indicators"] });
      void queryClient.invalidateQueries({ queryKey: ["feedback", "series"] });
    } catch (error) {
      setAttempt((n) => n + 1);
      if (error instanceof ApiProblem && error.status === 412 && from) {
        const theirs = await fetchReturn(homeId, month).catch(() => null);
        if (!theirs) return setErrors([{ field: "", message: "Someone else changed this return. Reload the page to see their figures." }]);
        const found = compareVersions<ReturnField>(toReturnValues(from.data), next, toReturnValues(theirs.data), allFields());
        if (found.alreadySaved) {
          setBase(theirs);
          setSavedAt(theirs.data.updated_at);
          return;
        }
        setErrors([]);
        setConflict({ conflict: found, theirs });
      } else if (error instanceof ApiProblem && error.status === 409 && !from) {
        setErrors([{ field: "", message: "Someone else has just saved a return for this home and month. Reload the page to see it and correct it if needed." }]);
      } else setErrors(saveErrors(error, Object.fromEntries(Object.entries(FIGURE_LABELS).map(([k, v]) => [k, v.toLowerCase()])), (field) => returnFieldOf(field, figures)));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setSavedAt(null);
    const problems = validateReturn(values);
    setErrors(problems);
    if (problems.length === 0) void save(values, base);
  };

  const summary = errors.map(({ field, message }) => ({ target: field ? FIELD_ID(field) : null, text: message }));
  return (
    <section aria-labelledby="return-form-title">
      <h2 className="govuk-heading-m" id="return-form-title">
        {base ? "Correct the return" : "Enter the return"}
      </h2>
      {base && !savedAt && <p className="govuk-body">A return was saved on {formatDateTime(base.data.updated_at)}. Change any figure that was wrong, then save it again.</p>}
      {savedAt && (
        <NotificationBanner success>
          The return has been saved.{" "}
          <Link className="govuk-notification-banner__link" to={`/feedback/workforce${searchOf({ home: homeId, month: month.slice(0, 7) })}`}>
            See the workforce dashboard
          </Link>
        </NotificationBanner>
      )}
      {summary.length > 0 && <ErrorSummary key={attempt} items={summary} />}
      {conflict && (
        <ConflictPanel
          conflict={conflict.conflict}
          labels={fieldLabels()}
          changedAt={`on ${formatDateTime(conflict.theirs.data.updated_at)}`}
          busy={busy}
          onUseTheirs={() => {
            setBase(conflict.theirs);
            setValues(toReturnValues(conflict.theirs.data));
            setConflict(null);
          }}
          onKeepMine={() => {
            const theirs = conflict.theirs;
            const merged = { ...toReturnValues(theirs.data), ...(keepMine(conflict.conflict) as Partial<ReturnValues>) };
            setBase(theirs);
            setValues(merged);
            setConflict(null);
            void save(merged, theirs);
          }}
        />
      )}
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Staff by role at the end of the month (leave a role blank if the home has none)</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Role</th>
              <th scope="col" className="govuk-table__header">Staff in post</th>
              <th scope="col" className="govuk-table__header">Full-time equivalent</th>
              <th scope="col" className="govuk-table__header">Vacancies (FTE)</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {STAFF_ROLES.map((role) => (
              <tr className="govuk-table__row" key={role}>
                <th scope="row" className="govuk-table__header">{STAFF_ROLE_NAMES[role]}</th>
                {ROLE_COLUMNS.map((column) => {
                  const field = `${role}.${column}` as const;
                  const error = errorFor(field);
                  return (
                    <td className={`govuk-table__cell${error ? " govuk-form-group--error" : ""}`} key={column}>
                      <label className="govuk-visually-hidden" htmlFor={FIELD_ID(field)}>
                        {fieldLabel(field)}
                      </label>
                      {error && (
                        <p className="govuk-error-message" id={`${FIELD_ID(field)}-error`}>
                          <span className="govuk-visually-hidden">Error:</span> {error}
                        </p>
                      )}
                      <input
                        className={`govuk-input govuk-input--width-4${error ? " govuk-input--error" : ""}`}
                        id={FIELD_ID(field)}
                        name={field}
                        inputMode="decimal"
                        autoComplete="off"
                        value={values[field]}
                        aria-describedby={error ? `${FIELD_ID(field)}-error` : undefined}
                        onChange={(event) => set(field)(event.target.value)}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr className="govuk-table__row">
              <th scope="row" className="govuk-table__header">Total</th>
              <td className="govuk-table__cell" aria-live="polite">{sum.headcount}</td>
              <td className="govuk-table__cell">{sum.fte}</td>
              <td className="govuk-table__cell">{sum.vacancies}</td>
            </tr>
          </tbody>
        </table>
        <h3 className="govuk-heading-s">During the month</h3>
        {HOME_FIGURES.map((figure) => {
          const error = errorFor(figure);
          return (
            <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`} key={figure}>
              <label className="govuk-label" htmlFor={FIELD_ID(figure)}>
                {FIGURE_LABELS[figure]}
              </label>
              {error && (
                <p className="govuk-error-message" id={`${FIELD_ID(figure)}-error`}>
                  <span className="govuk-visually-hidden">Error:</span> {error}
                </p>
              )}
              <input
                className={`govuk-input govuk-input--width-10${error ? " govuk-input--error" : ""}`}
                id={FIELD_ID(figure)}
                name={figure}
                inputMode="decimal"
                autoComplete="off"
                value={values[figure]}
                aria-describedby={error ? `${FIELD_ID(figure)}-error` : undefined}
                onChange={(event) => set(figure)(event.target.value)}
              />
            </div>
          );
        })}
        <Button disabled={busy || conflict !== null}>{busy ? "Saving…" : "Save the return"}</Button>
      </form>
    </section>
  );
}
