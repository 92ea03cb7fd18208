import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { ApiProblem } from "../../api/problem";
import { can } from "../../auth/can";
import { useHomes } from "../../auth/HomeProvider";
import { useSignedIn } from "../../auth/SessionProvider";
import { ErrorSummary } from "../../components/ErrorSummary";
import { Button } from "../../components/fields";
import { Loading } from "../../components/Loading";
import { NotificationBanner } from "../../components/NotificationBanner";
import { PageHeading } from "../../components/PageHeading";
import { ProblemMessage } from "../../components/ProblemMessage";
import NotFound from "../NotFound";
import { fetchHomeSetting, saveHomeSetting, type Versioned } from "./api";
import { Radios, Select } from "../../components/fields";
import { saveErrors } from "./saveErrors";
import type { HomeSetting } from "./types";
import { FeedbackNav } from "./ui";

/** Whether every member of staff in a home, not only its managers, may give feedback. */
export default function HomeSettings() {
  const session = useSignedIn();
  const { homes, current, loading } = useHomes();
  const [params, setParams] = useSearchParams();
  const param = params.get("home") ?? "";
  const home = homes.some((h) => h.id === param) ? param : (current?.id ?? "");
  const query = useQuery({ queryKey: ["feedback", "home-setting", home], queryFn: () => fetchHomeSetting(home), enabled: home !== "" });
  if (!can(session.roles, "feedback:home_setting.manage")) return <NotFound />;
  const name = homes.find((h) => h.id === home)?.name ?? "";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FeedbackNav />
        <PageHeading caption="Feedback">Who can give feedback</PageHeading>
        {loading && <Loading text="Loading your homes…" />}
        {homes.length > 1 && (
          <Select id="settings-home" name="home" label="Home" value={home} onChange={(id) => setParams({ home: id })} options={homes.map((h) => ({ value: h.id, label: h.name }))} />
        )}
        {query.isPending && home && <Loading text="Loading the setting…" />}
        {query.isError && <ProblemMessage error={query.error} />}
        {query.data && <SettingForm key={home} homeName={name} loaded={query.data} />}
      </div>
    </div>
  );
}

function SettingForm({ homeName, loaded }: { homeName: string; loaded: Versioned<HomeSetting> }) {
  const queryClient = useQueryClient();
  const [value, setValue] = useState(loaded.data.all_staff_may_submit ? "all" : "managers");
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    try {
      const result = await saveHomeSetting(loaded.data.home_id, loaded.etag, value === "all");
      setError(null);
      setSaved(true);
      queryClient.setQueryData(["feedback", "home-setting", loaded.data.home_id], result);
    } catch (caught) {
      setAttempt((n) => n + 1);
      if (caught instanceof ApiProblem && (caught.status === 412 || caught.status === 409)) {
        const theirs = await fetchHomeSetting(loaded.data.home_id).catch(() => null);
        if (theirs) {
          queryClient.setQueryData(["feedback", "home-setting", loaded.data.home_id], theirs);
          setValue(theirs.data.all_staff_may_submit ? "all" : "managers");
        }
        setError("Someone else changed this setting a moment ago. The page now shows their choice: check it, then save again if needed.");
      } else setError(saveErrors(caught, {})[0]?.message ?? "The setting could not be saved.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {saved && <NotificationBanner success>The setting for {homeName} has been saved.</NotificationBanner>}
      {error && <ErrorSummary key={attempt} items={[{ target: null, text: error }]} />}
      <form onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
        <Radios
          id="settings-all-staff"
          name="all_staff_may_submit"
          legendSize="m"
          label={`Who can give feedback about ${homeName}?`}
          value={value}
          onChange={setValue}
          options={[
            { value: "managers", label: "Managers only", hint: "Care workers, senior carers and nurses pass their feedback on through a manager." },
            { value: "all", label: "Every member of staff", hint: "Anyone who works in the home can give feedback, with their name or anonymously." },
          ]}
        />
        <Button disabled={busy}>{busy ? "Saving…" : "Save"}</Button>
      </form>
    </>
  );
}
