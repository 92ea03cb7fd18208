import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { fieldMessages, problemSentence, type FieldMessage } from "../../../api/messages";
import { ApiProblem } from "../../../api/problem";
import { can } from "../../../auth/can";
import { useSignedIn } from "../../../auth/SessionProvider";
import { ErrorSummary } from "../../../components/ErrorSummary";
import { Loading } from "../../../components/Loading";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import { SaveDiscarded, saveQueue } from "../../../lib/saveQueue";
import NotFound from "../../NotFound";
import "../notes/daily.css";
import { residentName } from "../residents/names";
import { isNotFound, useResident } from "../residents/residents";
import { ResidentHeader } from "../residents/ResidentNav";
import { ageOn, londonDate } from "../notes/time";
import type { Resident } from "../notes/types";
import { commonOf, emptyForm, formField, mustBmi, preview, tenthsText, toCreate, validate, type AnyValues, type FallsValues, type MustValues, type WaterlowValues } from "./riskForm";
import { CheckboxGroup, Checkbox, NumberInput, RadioGroup, YesNo } from "./RiskFields";
import { fetchPlan, recordAssessment, risksKey } from "./risks";
import {
  bandClass,
  bandName,
  CONTINENCE_OPTIONS,
  isTool,
  MEDICATION_OPTIONS,
  MOBILITY_OPTIONS,
  NEURO_OPTIONS,
  PSYCHOLOGICAL_OPTIONS,
  RECENT_FALLS_OPTIONS,
  SKIN_OPTIONS,
  SURGERY_OPTIONS,
  TISSUE_OPTIONS,
  TOOL_NAMES,
  TOOL_SHORT,
  TOOL_SOURCES,
  WEIGHT_LOSS_AMOUNT_OPTIONS,
  WEIGHT_LOST_OPTIONS,
} from "./tools";
import type { Tool } from "./types";

const LABELS: Record<string, string> = {
  bmi: "the BMI",
  skin: "the skin type",
  weight_lost_recently: "whether weight was lost",
  weight_loss_amount: "how much weight was lost",
  eating_poorly: "whether they are eating poorly",
  continence: "continence",
  mobility: "mobility",
  neurological_deficit: "the neurological deficit",
  major_surgery_or_trauma: "major surgery or trauma",
  weight_kg: "the weight",
  height_cm: "the height",
  unplanned_weight_loss_kg: "the weight loss",
  recent_falls: "recent falls",
  medications: "the number of medicines",
  psychological: "the psychological state",
  amts: "the AMTS score",
  assessed_at: "the time of the assessment",
  section_id: "the care plan section",
  judgement: "your judgement",
};

export default function RiskNew() {
  const { residentId = "", tool = "" } = useParams();
  const session = useSignedIn();
  const resident = useResident(residentId);
  if (!isTool(tool) || !can(session.roles, "careplan:risk.assess")) return <NotFound />;
  if (resident.isPending) return <Loading text="Loading the resident…" />;
  if (resident.isError) {
    if (isNotFound(resident.error)) return <NotFound />;
    return (
      <>
        <PageHeading>Sorry, the assessment could not be started</PageHeading>
        <ProblemMessage error={resident.error} />
      </>
    );
  }
  return <AssessmentForm key={`${residentId}-${tool}`} tool={tool} resident={resident.data.resident} />;
}

function AssessmentForm({ tool, resident }: { tool: Tool; resident: Resident }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const name = residentName(resident);
  const [form, setForm] = useState<AnyValues>(() => emptyForm(tool));
  const [sectionId, setSectionId] = useState("");
  const [judgement, setJudgement] = useState("");
  const [errors, setErrors] = useState<FieldMessage[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const plan = useQuery({ queryKey: ["daily", "plan", resident.id], queryFn: () => fetchPlan(resident.id), retry: false });
  const sections = plan.data?.current?.sections ?? [];

  const today = londonDate();
  const person = { sex: resident.sex, dateOfBirth: resident.date_of_birth };
  const live = preview(form, person, today);
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const problems = validate(form, judgement);
    if (problems.length > 0) {
      setErrors(problems);
      return;
    }
    setErrors([]);
    setBusy(true);
    const body = toCreate(form, commonOf(new Date(), sectionId, judgement));
    try {
      const saved = await saveQueue.submit(`${TOOL_SHORT[tool]} assessment for ${name}`, (key) => recordAssessment(resident.id, body, key));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: risksKey(resident.id) }),
        // The resident summary's alerts (high risks) and the reviews a high result brought forward.
        queryClient.invalidateQueries({ queryKey: ["resident", resident.id] }),
        queryClient.invalidateQueries({ queryKey: ["reviews-due"] }),
      ]);
      void navigate(`/care/residents/${resident.id}/risks/${saved.id}`, { state: { saved: true } });
    } catch (error) {
      setAttempt((n) => n + 1);
      if (error instanceof ApiProblem && error.status === 422 && error.errors.length > 0) {
        setErrors(fieldMessages(error, LABELS).map((m) => ({ ...m, field: formField(m.field) })));
      } else if (error instanceof SaveDiscarded) {
        setErrors([{ field: "", message: "The assessment was not saved. Save it again when you are back online." }]);
      } else {
        setErrors([{ field: "", message: error instanceof ApiProblem ? problemSentence(error) : "Sorry, the assessment could not be saved. Try again." }]);
      }
      setBusy(false);
    }
  };

  const summary = errors.map(({ field, message }) => ({ target: field ? `risk-${field}` : null, text: message }));
  const band = bandName(tool, live.scored.band);
  return (
    <>
      <ResidentHeader residentId={resident.id} current="risks" />
      <Link className="govuk-back-link" to={`/care/residents/${resident.id}/risks`}>
        All risk assessments
      </Link>
      {summary.length > 0 && <ErrorSummary key={attempt} items={summary} />}
      <PageHeading size="m" title={`New ${TOOL_NAMES[tool]} for ${name}`} hasErrors={summary.length > 0}>
        New {TOOL_NAMES[tool]} assessment
      </PageHeading>
      <div className="app-score-panel" role="status" aria-live="polite" aria-atomic="true">
        <p className="govuk-body govuk-!-margin-bottom-1">{live.complete ? "Score" : "Score so far (answer every question for the band)"}</p>
        <p className="app-score-panel__score govuk-!-margin-bottom-0">
          <span data-testid="preview-score">{live.scored.score}</span>{" "}
          <strong className={bandClass(tool, live.scored.band)} data-testid="preview-band">
            {band}
          </strong>
        </p>
      </div>
      <form onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
        {form.tool === "waterlow" && (
          <WaterlowFields values={form.values} onChange={(values) => setForm({ tool: "waterlow", values })} errorFor={errorFor} resident={resident} today={today} />
        )}
        {form.tool === "must" && <MustFields values={form.values} onChange={(values) => setForm({ tool: "must", values })} errorFor={errorFor} />}
        {form.tool === "falls" && <FallsFields values={form.values} onChange={(values) => setForm({ tool: "falls", values })} errorFor={errorFor} />}

        {sections.length > 0 && (
          <div className="govuk-form-group">
            <label className="govuk-label govuk-label--s" htmlFor="risk-section_id">
              Care plan section it informs (optional)
            </label>
            <div id="risk-section_id-hint" className="govuk-hint">
              A high-risk result makes that section’s review due today.
            </div>
            <select className="govuk-select" id="risk-section_id" name="section_id" value={sectionId} aria-describedby="risk-section_id-hint" onChange={(event) => setSectionId(event.target.value)}>
              <option value="">None</option>
              {sections.map((section) => (
                <option key={section.id} value={section.id}>
                  {section.title}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className={`govuk-form-group${errorFor("judgement") ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label govuk-label--s" htmlFor="risk-judgement">
            Your professional judgement (optional)
          </label>
          <div id="risk-judgement-hint" className="govuk-hint">
            A score supports your judgement; it does not replace it.
          </div>
          <textarea className="govuk-textarea" id="risk-judgement" name="judgement" rows={3} maxLength={2000} value={judgement} aria-describedby="risk-judgement-hint" onChange={(event) => setJudgement(event.target.value)} />
        </div>
        <p className="govuk-body-s">
          Care Hub scores the answers again when you save, with the published rules ({TOOL_SOURCES[tool]}); that score is
          the one recorded.
        </p>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button app-big-button" data-module="govuk-button" disabled={busy}>
            {busy ? "Saving…" : "Save assessment"}
          </button>
          <Link className="govuk-link" to={`/care/residents/${resident.id}/risks`}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

type ErrorFor = (field: string) => string | undefined;

const SEX_WORDS: Record<Resident["sex"], string> = { female: "Female", male: "Male", indeterminate: "Indeterminate", not_known: "Not known" };

function WaterlowFields({ values, onChange, errorFor, resident, today }: { values: WaterlowValues; onChange: (v: WaterlowValues) => void; errorFor: ErrorFor; resident: Resident; today: string }) {
  const set = <K extends keyof WaterlowValues>(key: K, value: WaterlowValues[K]) => onChange({ ...values, [key]: value });
  const age = ageOn(resident.date_of_birth, today);
  const setNeuro = (ticked: (keyof WaterlowValues["neuro"])[]) => {
    const next: WaterlowValues["neuro"] = {};
    for (const key of ticked) next[key] = values.neuro[key] ?? 4;
    set("neuro", next);
  };
  return (
    <>
      <NumberInput field="bmi" label="BMI" hint="Body mass index, to one decimal place, for example 22.5" value={values.bmi} onChange={(v) => set("bmi", v)} error={errorFor("bmi")} />
      <p className="govuk-body">
        <strong>Sex and age</strong> come from {resident.preferred_name ?? resident.given_name}’s record: {SEX_WORDS[resident.sex]}, {age}.
      </p>
      <CheckboxGroup field="skin" legend="Skin type in the risk areas" hint="Select all that apply" options={SKIN_OPTIONS} value={values.skin} onChange={(v) => set("skin", v)} error={errorFor("skin")} />
      <RadioGroup
        field="weight_lost_recently"
        legend="Has the person lost weight recently?"
        options={WEIGHT_LOST_OPTIONS}
        value={values.weightLost}
        onChange={(v) => onChange({ ...values, weightLost: v, weightLossAmount: v === "yes" ? values.weightLossAmount : "" })}
        error={errorFor("weight_lost_recently")}
        inline
      />
      {values.weightLost === "yes" && (
        <RadioGroup field="weight_loss_amount" legend="How much weight?" options={WEIGHT_LOSS_AMOUNT_OPTIONS} value={values.weightLossAmount} onChange={(v) => set("weightLossAmount", v)} error={errorFor("weight_loss_amount")} />
      )}
      <YesNo field="eating_poorly" label="Eating poorly or lack of appetite? (Yes is 1 point)" value={values.eatingPoorly} onChange={(v) => set("eatingPoorly", v)} error={errorFor("eating_poorly")} />
      <RadioGroup field="continence" legend="Continence" options={CONTINENCE_OPTIONS} value={values.continence} onChange={(v) => set("continence", v)} error={errorFor("continence")} />
      <RadioGroup field="mobility" legend="Mobility" options={MOBILITY_OPTIONS} value={values.mobility} onChange={(v) => set("mobility", v)} error={errorFor("mobility")} />
      <h2 className="govuk-heading-m">Special risks</h2>
      <CheckboxGroup field="tissue_malnutrition" legend="Tissue malnutrition" hint="Select all that apply" options={TISSUE_OPTIONS} value={values.tissue} onChange={(v) => set("tissue", v)} />
      <CheckboxGroup
        field="neurological_deficit"
        legend="Neurological deficit"
        hint="Select all that apply and grade each from 4 to 6. The category counts 6 points at most."
        options={NEURO_OPTIONS}
        value={Object.keys(values.neuro) as (keyof WaterlowValues["neuro"])[]}
        onChange={setNeuro}
        error={errorFor("neurological_deficit")}
        extra={(key) => (
          <div className="govuk-form-group app-neuro-grade">
            <label className="govuk-label" htmlFor={`risk-neuro-grade-${key}`}>
              Grade
            </label>
            <select
              className="govuk-select"
              id={`risk-neuro-grade-${key}`}
              value={values.neuro[key] ?? 4}
              onChange={(event) => set("neuro", { ...values.neuro, [key]: Number(event.target.value) })}
            >
              {[4, 5, 6].map((grade) => (
                <option key={grade} value={grade}>
                  {grade} points
                </option>
              ))}
            </select>
          </div>
        )}
      />
      <CheckboxGroup
        field="major_surgery_or_trauma"
        legend="Major surgery or trauma"
        hint="Select all that apply; choose only one of the operating table times"
        options={SURGERY_OPTIONS}
        value={values.surgery}
        onChange={(v) => set("surgery", v)}
        error={errorFor("major_surgery_or_trauma")}
      />
      <CheckboxGroup
        field="medication"
        legend="Medication"
        hint="Select all that apply. Any of them scores 4 points."
        options={MEDICATION_OPTIONS}
        value={values.medication}
        onChange={(v) => set("medication", v)}
      />
    </>
  );
}

function MustFields({ values, onChange, errorFor }: { values: MustValues; onChange: (v: MustValues) => void; errorFor: ErrorFor }) {
  const set = <K extends keyof MustValues>(key: K, value: MustValues[K]) => onChange({ ...values, [key]: value });
  const bmi = mustBmi(values);
  return (
    <>
      <NumberInput field="weight_kg" label="Weight now" hint="In kilograms, for example 58.4" suffix="kg" value={values.weight} onChange={(v) => set("weight", v)} error={errorFor("weight_kg")} />
      <RadioGroup
        field="height_measured"
        legend="Can their height be measured?"
        hint="If not, use an estimated BMI (for example, from ulna length)"
        inline
        options={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ]}
        value={values.heightMeasured}
        onChange={(v) => set("heightMeasured", v)}
        error={errorFor("height_measured")}
      />
      {values.heightMeasured === "yes" && (
        <NumberInput field="height_cm" label="Height" hint="In centimetres, for example 162" suffix="cm" value={values.height} onChange={(v) => set("height", v)} error={errorFor("height_cm")} />
      )}
      {values.heightMeasured === "no" && (
        <NumberInput field="bmi" label="Estimated BMI" hint="To one decimal place, for example 19.5" value={values.bmi} onChange={(v) => set("bmi", v)} error={errorFor("bmi")} />
      )}
      {bmi !== null && <p className="govuk-body">BMI used: <strong>{tenthsText(bmi)}</strong> (over 20: 0 points; 18.5 to 20: 1 point; below 18.5: 2 points)</p>}
      <NumberInput
        field="unplanned_weight_loss_kg"
        label="Unplanned weight loss in the past 3 to 6 months (optional)"
        hint="In kilograms; leave blank if none. Less than 5% of their weight then: 0 points; 5 to 10%: 1 point; more than 10%: 2 points."
        suffix="kg"
        value={values.loss}
        onChange={(v) => set("loss", v)}
        error={errorFor("unplanned_weight_loss_kg")}
      />
      <Checkbox
        field="acutely_ill_no_intake_over_5_days"
        label="Acutely ill and has had, or is likely to have, no nutritional intake for more than 5 days (2 points)"
        checked={values.acutelyIll}
        onChange={(v) => set("acutelyIll", v)}
      />
    </>
  );
}

function FallsFields({ values, onChange, errorFor }: { values: FallsValues; onChange: (v: FallsValues) => void; errorFor: ErrorFor }) {
  const set = <K extends keyof FallsValues>(key: K, value: FallsValues[K]) => onChange({ ...values, [key]: value });
  return (
    <>
      <div className="govuk-inset-text">
        This score does not predict whether the person will fall. It prompts a multifactorial falls assessment and the care it
        leads to.
      </div>
      <RadioGroup field="recent_falls" legend="Recent falls" options={RECENT_FALLS_OPTIONS} value={values.recentFalls} onChange={(v) => set("recentFalls", v)} error={errorFor("recent_falls")} />
      <NumberInput
        field="medications"
        label="How many of these medicines do they take?"
        hint="Sedatives, antidepressants, anti-Parkinson’s, diuretics, antihypertensives, hypnotics. None: 1 point; one: 2; two: 3; more than two: 4."
        decimal={false}
        value={values.medications}
        onChange={(v) => set("medications", v)}
        error={errorFor("medications")}
      />
      <RadioGroup
        field="psychological"
        legend="Psychological"
        hint="Anxiety, depression, reduced cooperation, insight or judgement, especially about mobility"
        options={PSYCHOLOGICAL_OPTIONS}
        value={values.psychological}
        onChange={(v) => set("psychological", v)}
        error={errorFor("psychological")}
      />
      <NumberInput
        field="amts"
        label="Cognitive status: AMTS score"
        hint="Abbreviated Mental Test Score, 0 to 10. 9 or 10: 1 point; 7 or 8: 2; 5 or 6: 3; 4 or less: 4."
        decimal={false}
        value={values.amts}
        onChange={(v) => set("amts", v)}
        error={errorFor("amts")}
      />
      <h2 className="govuk-heading-m">Automatically high risk</h2>
      <Checkbox
        field="recent_change_in_function_or_medication"
        label="Recent change in how they manage day to day, or in medicines that affect safe mobility (or one expected)"
        checked={values.recentChange}
        onChange={(v) => set("recentChange", v)}
      />
      <Checkbox field="dizziness_or_postural_hypotension" label="Dizziness or postural hypotension" checked={values.dizziness} onChange={(v) => set("dizziness", v)} />
    </>
  );
}
