import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { fieldMessages, problemSentence, type FieldMessage } from "../../../api/messages";
import { ApiProblem } from "../../../api/problem";
import { can } from "../../../auth/can";
import { useSignedIn } from "../../../auth/SessionProvider";
import { ConflictPanel } from "../../../components/ConflictPanel";
import { ErrorSummary } from "../../../components/ErrorSummary";
import { Button } from "../../../components/fields";
import { Loading } from "../../../components/Loading";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import { SaveDiscarded, saveQueue } from "../../../lib/saveQueue";
import NotFound from "../../NotFound";
import { fullName } from "../residents/names";
import { isNotFound, useResident } from "../residents/residents";
import { SamePageLink } from "../residents/SamePageLink";
import type { Domain, Resident, Version } from "../types";
import { TextInput, Select, Textarea } from "../../../components/fields";
import { fetchPlan, fetchVersion, INTERVAL_NAMES, refreshAfterPlanChange, saveDraft, usePlan, useDomains, useVersion } from "./plan";
import type { PlanPageState } from "./CarePlan";
import {
  conflictValueText,
  emptyGoal,
  emptyIntervention,
  emptySection,
  fieldId,
  keepMyParts,
  LIMITS,
  planConflict,
  planLabels,
  REVIEW_INTERVALS,
  toApi,
  toForm,
  validatePlan,
  type GoalForm,
  type InterventionForm,
  type PlanConflict,
  type PlanForm,
  type SectionForm,
} from "./planForm";

export default function PlanEdit() {
  const { residentId = "" } = useParams();
  const { roles } = useSignedIn();
  const resident = useResident(residentId);
  const plan = usePlan(residentId);
  const newest = plan.data ? plan.data.latest_version_number : null;
  const isCurrent = newest !== null && newest === plan.data?.current_version_number;
  const version = useVersion(residentId, isCurrent ? null : newest);
  const domains = useDomains(resident.data?.resident.home_id);
  if (!can(roles, "careplan:plan.draft")) return <NotFound />;
  const error = resident.error ?? plan.error ?? version.error ?? domains.error;
  if (error) return isNotFound(error) ? <NotFound /> : <ProblemMessage error={error} />;
  if (!resident.data || !plan.data || !domains.data || (!isCurrent && newest && !version.data)) return <Loading text="Loading the care plan…" />;
  const base = isCurrent ? plan.data.current : (version.data ?? null);
  // Keyed by resident only: a newer version arriving in the cache must not wipe the person's edits.
  return <PlanEditor key={residentId} resident={resident.data.resident} loaded={base} domains={domains.data} />;
}

interface Base {
  number: number | null;
  form: PlanForm;
  status: Version["status"] | null;
}

function baseOf(version: Version | null): Base {
  return { number: version?.number ?? null, form: toForm(version), status: version?.status ?? null };
}

function PlanEditor({ resident, loaded, domains }: { resident: Resident; loaded: Version | null; domains: Domain[] }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const name = fullName(resident);
  const planPath = `/care/residents/${resident.id}/plan`;
  const [base, setBase] = useState<Base>(() => baseOf(loaded));
  const [form, setForm] = useState<PlanForm>(() => toForm(loaded));
  const [errors, setErrors] = useState<FieldMessage[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<{ found: PlanConflict; theirs: Base } | null>(null);
  // Where focus goes after a goal, support or section is added or removed (n: even the same place twice).
  const [focus, setFocus] = useState<{ id: string; n: number } | null>(null);
  const setFocusId = (id: string) => setFocus((old) => ({ id, n: (old?.n ?? 0) + 1 }));
  const [domainToAdd, setDomainToAdd] = useState("");

  useEffect(() => {
    if (focus) document.getElementById(focus.id)?.focus();
  }, [focus]);

  const errorFor = (key: string) => errors.find((e) => e.field === key)?.message;
  const sections = form.sections;
  const setSections = (next: SectionForm[]) => setForm((old) => ({ ...old, sections: next }));
  const updateSection = (index: number, change: (section: SectionForm) => SectionForm) =>
    setForm((old) => ({ ...old, sections: old.sections.map((s, i) => (i === index ? change(s) : s)) }));

  const unused = domains.filter((d) => !sections.some((s) => s.domain === d.code));

  const done = async (number: number) => {
    await refreshAfterPlanChange(queryClient, resident.id);
    const state: PlanPageState = { saved: number };
    void navigate(`${planPath}?version=${number}`, { state });
  };

  const newestVersion = async (): Promise<Base | null> => {
    const fresh = await fetchPlan(resident.id).catch(() => null);
    if (!fresh) return null;
    const version = fresh.current_version_number === fresh.latest_version_number ? fresh.current : await fetchVersion(resident.id, fresh.latest_version_number).catch(() => null);
    return version ? baseOf(version) : null;
  };

  const save = async (values: PlanForm, from: Base) => {
    setBusy(true);
    setAttempt((n) => n + 1);
    try {
      const saved = await saveQueue.submit(`Care plan of ${name}`, (key) => saveDraft(resident.id, toApi(values, from.number), key));
      setErrors([]);
      await done(saved.number);
    } catch (error) {
      if (error instanceof ApiProblem && (error.status === 412 || (error.status === 409 && error.errors.some((e) => e.loc.includes("based_on_version"))))) {
        const theirs = await newestVersion();
        if (!theirs) {
          setErrors([{ field: "", message: "Someone else changed this care plan. Reload the page to see their changes." }]);
          return;
        }
        const found = planConflict(from.form.sections, values.sections, theirs.form.sections);
        if (found.conflict.alreadySaved && theirs.number) await done(theirs.number);
        else {
          setErrors([]);
          setConflict({ found, theirs });
        }
      } else if (error instanceof ApiProblem && error.status === 422 && error.errors.length > 0) {
        setErrors(fieldMessages(error, planLabels(values)));
      } else if (error instanceof SaveDiscarded) {
        setErrors([{ field: "", message: "Your changes were not saved. Save them again when you are back online." }]);
      } else {
        setErrors([{ field: "", message: error instanceof ApiProblem ? problemSentence(error) : "Sorry, your changes could not be saved. Try again." }]);
      }
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = validatePlan(form);
    setAttempt((n) => n + 1);
    if (problems.length > 0) {
      setErrors(problems);
      return;
    }
    setErrors([]);
    void save(form, base);
  };

  const useTheirs = () => {
    if (!conflict) return;
    setBase(conflict.theirs);
    setForm({ reason: form.reason, sections: conflict.theirs.form.sections });
    setConflict(null);
  };

  const keepMine = () => {
    if (!conflict) return;
    const merged: PlanForm = { reason: form.reason, sections: keepMyParts(conflict.theirs.form.sections, form.sections, conflict.found.conflict) };
    setBase(conflict.theirs);
    setForm(merged);
    setConflict(null);
    void save(merged, conflict.theirs);
  };

  const addSection = () => {
    const domain = unused.find((d) => d.code === domainToAdd) ?? unused[0];
    if (!domain) return;
    const section = emptySection(domain);
    setSections([...sections, section]);
    setDomainToAdd("");
    setFocusId(fieldId(`sections.${sections.length}.needs`));
  };

  const summary = errors.map(({ field, message }) => ({
    target: field === "sections" ? "plan-add-section" : field ? fieldId(field) : null,
    text: message,
  }));
  const editing = base.number === null ? "There is no plan yet: this will be the first version." : base.status === "draft" ? `You are changing the draft, version ${base.number}. Saving replaces that draft with a new one.` : `You are changing version ${base.number}, the plan in use.`;

  return (
    <>
      <Link className="govuk-back-link" to={planPath}>
        Back to the care plan
      </Link>
      {summary.length > 0 && <ErrorSummary key={attempt} items={summary} />}
      {conflict && (
        <ConflictPanel
          conflict={conflict.found.conflict}
          labels={conflict.found.labels}
          changedAt={conflict.theirs.number ? `as version ${conflict.theirs.number}` : undefined}
          format={conflictValueText}
          onUseTheirs={useTheirs}
          onKeepMine={keepMine}
          busy={busy}
        />
      )}
      <PageHeading caption={name} title={`Edit the care plan of ${name}`} hasErrors={summary.length > 0}>
        Edit the care plan
      </PageHeading>
      <p className="govuk-body">{editing}</p>
      <p className="govuk-body">Your changes are saved as a new draft. Staff keep following the signed-off plan until a senior carer, nurse or home manager signs the draft off.</p>

      {sections.length > 1 && (
        <nav aria-labelledby="edit-contents-title" className="govuk-!-margin-bottom-6">
          <h2 className="govuk-heading-s" id="edit-contents-title">
            Go to a section
          </h2>
          <ul className="govuk-list">
            {sections.map((section) => (
              <li key={section.key}>
                <SamePageLink to={`edit-section-${section.domain}`}>{section.title}</SamePageLink>
              </li>
            ))}
            <li>
              <SamePageLink to="plan-reason">Why the plan is changing, and save</SamePageLink>
            </li>
          </ul>
        </nav>
      )}
      <form onSubmit={submit} noValidate aria-busy={busy}>
        {sections.map((section, s) => (
          <SectionFields
            key={section.key}
            section={section}
            index={s}
            errorFor={errorFor}
            onChange={(change) => updateSection(s, change)}
            onRemove={() => {
              setSections(sections.filter((_, i) => i !== s));
              setFocusId("plan-add-section");
            }}
            onFocus={setFocusId}
          />
        ))}

        <div className="govuk-form-group app-plan-section">
          <h2 className="govuk-heading-m">Add a section</h2>
          {unused.length === 0 ? (
            <p className="govuk-body">Every area of care already has a section.</p>
          ) : (
            <>
              <Select
                id="plan-add-section"
                label="Area of care"
                error={errorFor("sections")}
                value={domainToAdd || (unused[0]?.code ?? "")}
                onChange={setDomainToAdd}
                options={unused.map((d) => ({ value: d.code, label: d.name }))}
              />
              <Button type="button" secondary onClick={addSection}>
                Add this section
              </Button>
            </>
          )}
        </div>

        <Textarea
          id="plan-reason"
          label="Why is the plan changing?"
          bold
          hint="For example, “Reviewed with Peggy and her daughter after a fall”. Everyone who reads the version history sees this."
          error={errorFor("reason")}
          value={form.reason}
          maxLength={LIMITS.reason}
          onChange={(reason) => setForm((old) => ({ ...old, reason }))}
        />
        <div className="govuk-button-group">
          <Button disabled={busy || conflict !== null}>{busy ? "Saving…" : "Save as a draft"}</Button>
          <Link className="govuk-link" to={planPath}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

interface SectionProps {
  section: SectionForm;
  index: number;
  errorFor: (key: string) => string | undefined;
  onChange: (change: (section: SectionForm) => SectionForm) => void;
  onRemove: () => void;
  onFocus: (id: string) => void;
}

function SectionFields({ section, index, errorFor, onChange, onRemove, onFocus }: SectionProps) {
  const at = `sections.${index}`;
  const set = (field: "needs" | "strengths" | "preferences") => (value: string) => onChange((s) => ({ ...s, [field]: value }));
  const setGoal = (g: number, change: Partial<GoalForm>) => onChange((s) => ({ ...s, goals: s.goals.map((goal, i) => (i === g ? { ...goal, ...change } : goal)) }));
  const setItem = (n: number, change: Partial<InterventionForm>) =>
    onChange((s) => ({ ...s, interventions: s.interventions.map((item, i) => (i === n ? { ...item, ...change } : item)) }));
  const titleId = `edit-section-${section.domain}-title`;

  return (
    <section className="app-plan-section" aria-labelledby={titleId} id={`edit-section-${section.domain}`} tabIndex={-1}>
      <h2 className="govuk-heading-m" id={titleId}>
        {section.title}
      </h2>
      <Textarea id={fieldId(`${at}.needs`)} label="Needs" hint="What support they need, and why" error={errorFor(`${at}.needs`)} value={section.needs} onChange={set("needs")} />
      <Textarea id={fieldId(`${at}.strengths`)} label="Strengths (optional)" hint="What they can do for themselves" error={errorFor(`${at}.strengths`)} value={section.strengths} onChange={set("strengths")} />
      <Textarea
        id={fieldId(`${at}.preferences`)}
        label="Preferences, in their own words (optional)"
        hint="For example, “I like to take my time and not be rushed”"
        error={errorFor(`${at}.preferences`)}
        value={section.preferences}
        onChange={set("preferences")}
      />
      <Select
        id={fieldId(`${at}.review_interval`)}
        label="How often should this section be reviewed?"
        error={errorFor(`${at}.review_interval`)}
        value={section.review_interval}
        onChange={(value) => onChange((s) => ({ ...s, review_interval: REVIEW_INTERVALS.find((r) => r === value) ?? s.review_interval }))}
        options={REVIEW_INTERVALS.map((r) => ({ value: r, label: INTERVAL_NAMES[r] }))}
      />

      <h3 className="govuk-heading-s">Goals</h3>
      {section.goals.length === 0 && <p className="govuk-body">No goals yet.</p>}
      {section.goals.map((goal, g) => (
        <div className="app-plan-edit-item" key={goal.key} role="group" aria-label={`Goal ${g + 1} of ${section.title}`}>
          <p className="govuk-body govuk-!-font-weight-bold">Goal {g + 1}</p>
          <Textarea id={fieldId(`${at}.goals.${g}.description`)} label="Goal" rows={2} error={errorFor(`${at}.goals.${g}.description`)} value={goal.description} onChange={(description) => setGoal(g, { description })} />
          <TextInput id={fieldId(`${at}.goals.${g}.measure`)} label="How will we know it is met?" error={errorFor(`${at}.goals.${g}.measure`)} value={goal.measure} onChange={(measure) => setGoal(g, { measure })} />
          <TextInput
            id={fieldId(`${at}.goals.${g}.target_date`)}
            label="Target date (optional)"
            type="date"
            width="10"
            error={errorFor(`${at}.goals.${g}.target_date`)}
            value={goal.target_date}
            onChange={(target_date) => setGoal(g, { target_date })}
          />
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            data-module="govuk-button"
            onClick={() => {
              onChange((s) => ({ ...s, goals: s.goals.filter((_, i) => i !== g) }));
              onFocus(`plan-${section.domain}-add-goal`);
            }}
          >
            Remove goal {g + 1}
            <span className="govuk-visually-hidden"> of {section.title}</span>
          </button>
        </div>
      ))}
      <button
        type="button"
        id={`plan-${section.domain}-add-goal`}
        className="govuk-button govuk-button--secondary"
        data-module="govuk-button"
        onClick={() => {
          onChange((s) => ({ ...s, goals: [...s.goals, emptyGoal()] }));
          onFocus(fieldId(`${at}.goals.${section.goals.length}.description`));
        }}
      >
        Add a goal<span className="govuk-visually-hidden"> to {section.title}</span>
      </button>

      <h3 className="govuk-heading-s">Support: what staff do</h3>
      {section.interventions.length === 0 && <p className="govuk-body">No support written yet.</p>}
      {section.interventions.map((item, n) => (
        <div className="app-plan-edit-item" key={item.key} role="group" aria-label={`Support ${n + 1} of ${section.title}`}>
          <p className="govuk-body govuk-!-font-weight-bold">Support {n + 1}</p>
          <Textarea id={fieldId(`${at}.interventions.${n}.what`)} label="What staff do" rows={2} error={errorFor(`${at}.interventions.${n}.what`)} value={item.what} onChange={(what) => setItem(n, { what })} />
          <TextInput id={fieldId(`${at}.interventions.${n}.how_often`)} label="How often" width="20" error={errorFor(`${at}.interventions.${n}.how_often`)} value={item.how_often} onChange={(how_often) => setItem(n, { how_often })} />
          <TextInput id={fieldId(`${at}.interventions.${n}.by_whom`)} label="By whom" width="20" error={errorFor(`${at}.interventions.${n}.by_whom`)} value={item.by_whom} onChange={(by_whom) => setItem(n, { by_whom })} />
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            data-module="govuk-button"
            onClick={() => {
              onChange((s) => ({ ...s, interventions: s.interventions.filter((_, i) => i !== n) }));
              onFocus(`plan-${section.domain}-add-support`);
            }}
          >
            Remove support {n + 1}
            <span className="govuk-visually-hidden"> of {section.title}</span>
          </button>
        </div>
      ))}
      <div className="govuk-button-group">
        <button
          type="button"
          id={`plan-${section.domain}-add-support`}
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
          onClick={() => {
            onChange((s) => ({ ...s, interventions: [...s.interventions, emptyIntervention()] }));
            onFocus(fieldId(`${at}.interventions.${section.interventions.length}.what`));
          }}
        >
          Add support<span className="govuk-visually-hidden"> to {section.title}</span>
        </button>
        <button type="button" className="govuk-button govuk-button--warning" data-module="govuk-button" onClick={onRemove}>
          Remove this section<span className="govuk-visually-hidden">: {section.title}</span>
        </button>
      </div>
    </section>
  );
}
