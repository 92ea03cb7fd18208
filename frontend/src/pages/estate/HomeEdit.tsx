import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { fieldMessages, problemSentence, type FieldMessage } from "../../api/messages";
import { ApiProblem } from "../../api/problem";
import { can } from "../../auth/can";
import { useSignedIn } from "../../auth/SessionProvider";
import { ConflictPanel } from "../../components/ConflictPanel";
import { ErrorSummary } from "../../components/ErrorSummary";
import { Button, Radios, TextInput } from "../../components/fields";
import { Loading } from "../../components/Loading";
import { PageHeading } from "../../components/PageHeading";
import { ProblemMessage } from "../../components/ProblemMessage";
import { compareVersions, keepMine, patchOf, type Conflict } from "../../lib/conflict";
import { formatDateTime } from "../../lib/format";
import { SaveDiscarded, saveQueue } from "../../lib/saveQueue";
import NotFound from "../NotFound";
import { asPatch, fromHome, toApi, toForm, validateHome, type HomeFormValues } from "./homeForm";
import {
  fetchHome,
  HOME_FIELDS,
  HOME_LABELS,
  HOME_SENTENCE_LABELS,
  STATUS_NAMES,
  updateHome,
  useHome,
  type HomeField,
  type VersionedHome,
} from "./homes";

const FIELD_ID = (field: string) => ((HOME_FIELDS as readonly string[]).includes(field) ? `home-${field}` : null);

function displayValue(field: HomeField, value: unknown): string {
  if (value === null || value === undefined || value === "") return "(blank)";
  if (field === "status" && (value === "active" || value === "closed")) return STATUS_NAMES[value];
  return String(value);
}

export default function HomeEdit() {
  const { homeId = "" } = useParams();
  const session = useSignedIn();
  const query = useHome(homeId);
  if (!can(session.roles, "assets:home.update")) return <NotFound />;
  if (query.isPending) return <Loading text="Loading the home…" />;
  if (query.isError) {
    if (query.error instanceof ApiProblem && (query.error.status === 404 || query.error.status === 422)) return <NotFound />;
    return <ProblemMessage error={query.error} />;
  }
  return <HomeForm key={homeId} loaded={query.data} />;
}

function HomeForm({ loaded }: { loaded: VersionedHome }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const homeId = loaded.home.id;
  const [base, setBase] = useState<VersionedHome>(loaded);
  const [values, setValues] = useState<HomeFormValues>(() => toForm(loaded.home));
  const [errors, setErrors] = useState<FieldMessage[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<{ conflict: Conflict<HomeField>; theirs: VersionedHome } | null>(null);

  const set = (field: HomeField) => (value: string) => setValues((old) => ({ ...old, [field]: value }));
  const errorFor = (field: HomeField) => errors.find((error) => error.field === field)?.message;

  const done = (result: VersionedHome) => {
    queryClient.setQueryData(["home", homeId], result);
    void queryClient.invalidateQueries({ queryKey: ["homes"] });
    void queryClient.invalidateQueries({ queryKey: ["my-homes"] });
    void navigate(`/estate/homes/${homeId}`, { state: { saved: true } });
  };

  const save = async (patch: Partial<Record<HomeField, unknown>>, from: VersionedHome) => {
    setBusy(true);
    setAttempt((n) => n + 1);
    try {
      done(await saveQueue.submit(`Changes to ${from.home.name}`, () => updateHome(homeId, from.etag, asPatch(patch))));
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 412) {
        const theirs = await fetchHome(homeId).catch(() => null);
        if (!theirs) {
          setErrors([{ field: "", message: "Someone else changed this home. Reload the page to see their changes." }]);
          return;
        }
        const found = compareVersions(fromHome(from.home), { ...fromHome(from.home), ...patch }, fromHome(theirs.home), HOME_FIELDS);
        if (found.alreadySaved) done(theirs);
        else {
          setErrors([]);
          setConflict({ conflict: found, theirs });
        }
      } else if (error instanceof ApiProblem && error.status === 422 && error.errors.length > 0) {
        setErrors(fieldMessages(error, HOME_SENTENCE_LABELS));
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
    const problems = validateHome(values);
    setAttempt((n) => n + 1);
    if (problems.length > 0) {
      setErrors(problems);
      return;
    }
    const patch = patchOf(fromHome(base.home), toApi(values), HOME_FIELDS);
    if (Object.keys(patch).length === 0) {
      void navigate(`/estate/homes/${homeId}`);
      return;
    }
    setErrors([]);
    void save(patch, base);
  };

  const useTheirs = () => {
    if (!conflict) return;
    setBase(conflict.theirs);
    setValues(toForm(conflict.theirs.home));
    setConflict(null);
  };

  const keepMyChanges = () => {
    if (!conflict) return;
    const patch = keepMine(conflict.conflict);
    const theirs = conflict.theirs;
    setBase(theirs);
    setValues({ ...toForm(theirs.home), ...Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, v === null ? "" : String(v)])) });
    setConflict(null);
    void save(patch, theirs);
  };

  const summary = errors.map(({ field, message }) => ({ target: field ? FIELD_ID(field) : null, text: message }));
  const home = base.home;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to={`/estate/homes/${homeId}`}>
          Back to {home.name}
        </Link>
        {summary.length > 0 && <ErrorSummary key={attempt} items={summary} />}
        {conflict && (
          <ConflictPanel
            conflict={conflict.conflict}
            labels={HOME_LABELS}
            changedAt={`on ${formatDateTime(conflict.theirs.home.updated_at)}`}
            format={displayValue}
            onUseTheirs={useTheirs}
            onKeepMine={keepMyChanges}
            busy={busy}
          />
        )}
        <PageHeading title={`Change details of ${home.name}`} caption={home.name} hasErrors={summary.length > 0}>
          Change the home’s details
        </PageHeading>
        <form onSubmit={submit} noValidate aria-busy={busy}>
          <TextInput id="home-name" name="name" label={HOME_LABELS.name} value={values.name} onChange={set("name")} error={errorFor("name")} />
          <TextInput
            id="home-address_line1"
            name="address_line1"
            label={HOME_LABELS.address_line1}
            autoComplete="address-line1"
            value={values.address_line1}
            onChange={set("address_line1")}
            error={errorFor("address_line1")}
          />
          <TextInput
            id="home-address_line2"
            name="address_line2"
            label={HOME_LABELS.address_line2}
            autoComplete="address-line2"
            value={values.address_line2}
            onChange={set("address_line2")}
            error={errorFor("address_line2")}
          />
          <TextInput id="home-town" name="town" label={HOME_LABELS.town} width="20" autoComplete="address-level2" value={values.town} onChange={set("town")} error={errorFor("town")} />
          <TextInput
            id="home-postcode"
            name="postcode"
            label={HOME_LABELS.postcode}
            width="10"
            autoComplete="postal-code"
            value={values.postcode}
            onChange={set("postcode")}
            error={errorFor("postcode")}
          />
          <TextInput
            id="home-registered_beds"
            name="registered_beds"
            label={HOME_LABELS.registered_beds}
            hint="The number of beds the home is registered for with the CQC"
            width="3"
            inputMode="numeric"
            spellCheck={false}
            value={values.registered_beds}
            onChange={set("registered_beds")}
            error={errorFor("registered_beds")}
          />
          <TextInput id="home-phone" name="phone" type="tel" label={HOME_LABELS.phone} width="20" autoComplete="tel" value={values.phone} onChange={set("phone")} error={errorFor("phone")} />
          <TextInput
            id="home-email"
            name="email"
            type="email"
            label={HOME_LABELS.email}
            spellCheck={false}
            autoComplete="email"
            value={values.email}
            onChange={set("email")}
            error={errorFor("email")}
          />
          <TextInput
            id="home-cqc_location_id"
            name="cqc_location_id"
            label={HOME_LABELS.cqc_location_id}
            hint="For example, 1-123456789"
            width="10"
            spellCheck={false}
            value={values.cqc_location_id}
            onChange={set("cqc_location_id")}
            error={errorFor("cqc_location_id")}
          />
          <Radios
            id="home-status"
            name="status"
            label={HOME_LABELS.status}
            inline
            value={values.status}
            onChange={set("status")}
            error={errorFor("status")}
            options={[
              { value: "active", label: "Yes, it is open" },
              { value: "closed", label: "No, it has closed" },
            ]}
          />
          <div className="govuk-button-group">
            <Button disabled={busy || conflict !== null}>{busy ? "Saving…" : "Save changes"}</Button>
            <Link className="govuk-link" to={`/estate/homes/${homeId}`}>
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
