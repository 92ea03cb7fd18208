import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { assets } from "../../../api/client";
import { problemSentence, type FieldMessage } from "../../../api/messages";
import { ApiProblem, unwrap } from "../../../api/problem";
import { can } from "../../../auth/can";
import { useSignedIn } from "../../../auth/SessionProvider";
import { ErrorSummary } from "../../../components/ErrorSummary";
import { Button, Radios, TextInput } from "../../../components/fields";
import { Loading } from "../../../components/Loading";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import { SaveDiscarded, saveQueue } from "../../../lib/saveQueue";
import NotFound from "../../NotFound";
import { useAsset, useRules } from "../assets/api";
import { todayInLondon } from "../assets/dates";
import "../assets/estate.css";
import type { RecordedState } from "../assets/AssetPage";
import type { Asset, Outcome, ReadingType, Rule } from "../assets/types";
import { DateInput } from "../assets/ui";
import {
  emptyInspection,
  failConsequence,
  OUTCOME_NAMES,
  serverErrors,
  toInspection,
  validateInspection,
  type InspectionValues,
} from "./inspectionForm";
import { ReadingField } from "./ReadingField";
import { expectedOutcome, judge } from "./thresholds";

const SAVE_TIMEOUT_MS = 20_000;

/** /estate/assets/:assetId/inspect: record an inspection, readings judged as they are typed. */
export default function RecordInspection() {
  const { assetId = "" } = useParams();
  const session = useSignedIn();
  const asset = useAsset(assetId);
  const rules = useRules(asset.data?.category_id);
  if (!can(session.roles, "assets:inspection.record")) return <NotFound />;
  if (asset.isPending || (asset.isSuccess && rules.isPending)) return <Loading text="Loading the equipment…" />;
  if (asset.isError) {
    if (asset.error instanceof ApiProblem && (asset.error.status === 404 || asset.error.status === 422)) return <NotFound />;
    return <ProblemMessage error={asset.error} />;
  }
  if (rules.isError) return <ProblemMessage error={rules.error} />;
  return <InspectionForm asset={asset.data} rules={rules.data ?? []} inspector={session.name} />;
}

function InspectionForm({ asset, rules, inspector }: { asset: Asset; rules: Rule[]; inspector: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const today = todayInLondon();
  const [values, setValues] = useState<InspectionValues>(() => emptyInspection(today, inspector, rules.length === 1 ? (rules[0]?.id ?? "") : ""));
  const [errors, setErrors] = useState<FieldMessage[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const rule = rules.find((r) => r.id === values.ruleId);

  const set = <K extends keyof InspectionValues>(key: K) => (value: InspectionValues[K]) => setValues((old) => ({ ...old, [key]: value }));
  const setReading = (type: ReadingType, part: "value" | "label") => (text: string) =>
    setValues((old) => ({ ...old, readings: { ...old.readings, [type]: { value: "", label: "", ...old.readings[type], [part]: text } } }));
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  if (asset.status === "disposed" || asset.archived_at !== null) {
    return (
      <>
        <PageHeading>This equipment is no longer in use</PageHeading>
        <p className="govuk-body">
          {asset.name} has been disposed of, so no inspection can be recorded.{" "}
          <Link className="govuk-link" to={`/estate/assets/${asset.id}`}>
            Back to {asset.name}
          </Link>
        </p>
      </>
    );
  }
  if (rules.length === 0) {
    return (
      <>
        <PageHeading>No inspections are needed</PageHeading>
        <p className="govuk-body">
          This kind of equipment has no regular inspection to record.{" "}
          <Link className="govuk-link" to={`/estate/assets/${asset.id}`}>
            Back to {asset.name}
          </Link>
        </p>
      </>
    );
  }

  const judgements = (rule?.thresholds ?? []).map((t) => judge(t, values.readings[t.reading]?.value ?? ""));
  const willBe = expectedOutcome(values.outcome, judgements);
  const readingsFail = judgements.some((j) => j.state === "outside");

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const problems = validateInspection(values, rule, today);
    if (problems.length > 0 || !rule) {
      setErrors(problems);
      return;
    }
    setErrors([]);
    setBusy(true);
    const body = toInspection(values, asset.id, rule);
    try {
      const recorded = await saveQueue.submit(`Inspection of ${asset.name}`, (key) =>
        unwrap(assets.POST("/v1/inspections", { params: { header: { "idempotency-key": key } }, body, signal: AbortSignal.timeout(SAVE_TIMEOUT_MS) })),
      );
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["asset", asset.id] }),
        queryClient.invalidateQueries({ queryKey: ["inspections"] }),
        queryClient.invalidateQueries({ queryKey: ["defects"] }),
        queryClient.invalidateQueries({ queryKey: ["compliance"] }),
        queryClient.invalidateQueries({ queryKey: ["assets"] }),
      ]);
      const state: RecordedState = { recorded };
      void navigate(`/estate/assets/${asset.id}`, { state });
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiProblem && error.status === 422 && error.errors.length > 0) {
        const sent = body.readings?.map((r) => r.reading) ?? [];
        setErrors(serverErrors(error, sent));
      } else if (error instanceof SaveDiscarded) {
        setErrors([{ field: "", message: "The inspection was not saved. Save it again when you are back online." }]);
      } else {
        setErrors([{ field: "", message: error instanceof ApiProblem ? problemSentence(error) : "Sorry, the inspection could not be saved. Try again." }]);
      }
    }
  };

  const FIELD_IDS: Record<string, string> = { rule: "inspection-rule", date: "inspection-date", outcome: "inspection-outcome", inspector: "inspection-inspector" };
  const idFor = (field: string) => FIELD_IDS[field] ?? (field.startsWith("reading-") ? `inspection-${field}` : field ? `inspection-${field}` : null);
  const summary = errors.map(({ field, message }) => ({ target: field ? idFor(field) : null, text: message }));

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to={`/estate/assets/${asset.id}`}>
          Back to {asset.name}
        </Link>
        {summary.length > 0 && <ErrorSummary key={attempt} items={summary} />}
        <PageHeading caption={`${asset.name} (${asset.tag})`} title={`Record an inspection of ${asset.name}`} hasErrors={summary.length > 0}>
          Record an inspection
        </PageHeading>
        <form onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
          <Radios
            id="inspection-rule"
            name="rule"
            label="Which inspection did you do?"
            value={values.ruleId}
            onChange={set("ruleId")}
            error={errorFor("rule")}
            options={rules.map((r) => ({ value: r.id, label: r.inspection_type }))}
          />
          {rule && (
            <div className="govuk-inset-text" id="inspection-basis">
              {rule.statutory ? "Required by law: " : "Guidance: "}
              {rule.basis}
            </div>
          )}
          <DateInput
            id="inspection-date"
            legend="When was it done?"
            hint="For example, 27 3 2026. Not a date in the future."
            error={errorFor("date")}
            day={values.day}
            month={values.month}
            year={values.year}
            onChange={(part, value) => set(part)(value)}
          />
          <TextInput id="inspection-inspector" name="inspector" label="Who did the inspection?" autoComplete="name" value={values.inspector} onChange={set("inspector")} error={errorFor("inspector")} />
          <TextInput id="inspection-company" name="company" label="Company (optional)" value={values.company} onChange={set("company")} error={errorFor("company")} />
          <TextInput id="inspection-certificate" name="certificate" label="Certificate or report number (optional)" width="20" spellCheck={false} value={values.certificate} onChange={set("certificate")} error={errorFor("certificate")} />
          {rule && rule.thresholds.length > 0 && (
            <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Readings</legend>
              {rule.thresholds.map((threshold) => (
                <ReadingField
                  key={threshold.reading}
                  threshold={threshold}
                  value={values.readings[threshold.reading]?.value ?? ""}
                  label={values.readings[threshold.reading]?.label ?? ""}
                  error={errorFor(`reading-${threshold.reading}`)}
                  onValue={setReading(threshold.reading, "value")}
                  onLabel={setReading(threshold.reading, "label")}
                />
              ))}
            </fieldset>
          )}
          <Radios
            id="inspection-outcome"
            name="outcome"
            label="What was the outcome?"
            value={values.outcome}
            onChange={(v) => set("outcome")(v as Outcome)}
            error={errorFor("outcome")}
            options={(["pass", "pass_with_advisories", "fail"] as const).map((o) => ({ value: o, label: OUTCOME_NAMES[o] }))}
          />
          {readingsFail && values.outcome !== "fail" && (
            <div className="govuk-inset-text">A reading is outside its limit, so this inspection will be saved as a fail.</div>
          )}
          {rule && willBe === "fail" && (
            <div className="govuk-warning-text" id="inspection-fail-warning">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                {failConsequence(rule, asset.name)}
              </strong>
            </div>
          )}
          <div className={`govuk-form-group${errorFor("defectsFound") ? " govuk-form-group--error" : ""}`}>
            <label className="govuk-label" htmlFor="inspection-defectsFound">
              Defects found {willBe === "fail" ? "(say what failed)" : "(optional)"}
            </label>
            <textarea className="govuk-textarea" id="inspection-defectsFound" name="defectsFound" rows={3} maxLength={2000} value={values.defectsFound} onChange={(event) => set("defectsFound")(event.target.value)} />
          </div>
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="inspection-notes">
              Notes (optional)
            </label>
            <textarea className="govuk-textarea" id="inspection-notes" name="notes" rows={3} maxLength={2000} value={values.notes} onChange={(event) => set("notes")(event.target.value)} />
          </div>
          <div className="govuk-button-group">
            <Button warning={willBe === "fail"} disabled={busy}>
              {busy ? "Saving…" : willBe === "fail" ? "Save the failed inspection" : "Save the inspection"}
            </Button>
            <Link className="govuk-link" to={`/estate/assets/${asset.id}`}>
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
