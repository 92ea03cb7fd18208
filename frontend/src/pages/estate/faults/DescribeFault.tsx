import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import type { FieldMessage } from "../../../api/messages";
import { can } from "../../../auth/can";
import { useSignedIn } from "../../../auth/SessionProvider";
import { ErrorSummary } from "../../../components/ErrorSummary";
import { Button, Radios, TextInput } from "../../../components/fields";
import { PageHeading } from "../../../components/PageHeading";
import NotFound from "../../NotFound";
import { Textarea } from "../../../components/fields";
import type { Asset, Priority } from "../defects/types";
import { AssetHeader } from "./AssetHeader";
import { defectFromDescription, URGENCY_CHOICES, validateDescribe, type DescribeValues } from "./faults";
import { FaultReported } from "./FaultReported";
import { useFaultAsset, useReport } from "./ReportFault";
import "./faults.css";

const EMPTY: DescribeValues = { title: "", description: "", priority: "" };
const FIELD_IDS: Record<string, string> = { title: "fault-title", description: "fault-description", priority: "fault-priority" };

export default function DescribeFault() {
  const { assetId = "" } = useParams();
  const session = useSignedIn();
  const found = useFaultAsset(assetId);
  if ("page" in found) return found.page;
  if (!can(session.roles, "assets:defect.raise")) return <NotFound />;
  return <DescribeForm key={found.asset.id} asset={found.asset} />;
}

function DescribeForm({ asset }: { asset: Asset }) {
  const report = useReport(asset);
  const [values, setValues] = useState<DescribeValues>(EMPTY);
  const [errors, setErrors] = useState<FieldMessage[]>([]);
  const [attempt, setAttempt] = useState(0);
  const set = (field: keyof DescribeValues) => (value: string) => setValues((old) => ({ ...old, [field]: value }));
  const errorFor = (field: keyof DescribeValues) => errors.find((error) => error.field === field)?.message;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = validateDescribe(values);
    setErrors(problems);
    setAttempt((n) => n + 1);
    if (problems.length === 0) void report.send(values.title.trim(), defectFromDescription(asset.id, values));
  };
  const another = () => {
    setValues(EMPTY);
    report.reset();
  };

  if (report.reported) return <FaultReported asset={asset} defect={report.reported} onAnother={another} />;
  const summary = [
    ...errors.map(({ field, message }) => ({ target: FIELD_IDS[field] ?? null, text: message })),
    ...(report.error ? [{ target: null, text: report.error }] : []),
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to={`/estate/assets/${asset.id}/report-fault`}>
          Back
        </Link>
        {summary.length > 0 && <ErrorSummary key={`${attempt}-${report.attempt}`} items={summary} />}
        <PageHeading caption={asset.name} title={`Describe a fault with ${asset.name}`} hasErrors={summary.length > 0}>
          Describe the fault
        </PageHeading>
        <AssetHeader asset={asset} />
        <form onSubmit={submit} noValidate aria-busy={report.sending !== null}>
          <TextInput
            id="fault-title"
            name="title"
            label="What is wrong?"
            hint="A few words, for example “Brake does not hold” or “Call bell cord missing”"
            value={values.title}
            onChange={set("title")}
            error={errorFor("title")}
          />
          <Textarea
            id="fault-description"
            name="description"
            label="More detail (optional)"
            hint="When it started, what you noticed, anything you have already tried"
            value={values.description}
            onChange={set("description")}
            error={errorFor("description")}
          />
          <Radios
            id="fault-priority"
            name="priority"
            label="How urgent is it?"
            value={values.priority}
            onChange={(value) => set("priority")(value as Priority)}
            error={errorFor("priority")}
            options={URGENCY_CHOICES.map((choice) => ({ value: choice.value, label: choice.hint ? `${choice.label}. ${choice.hint}` : choice.label }))}
          />
          <Button disabled={report.sending !== null}>{report.sending ? "Sending…" : "Report the fault"}</Button>
        </form>
      </div>
    </div>
  );
}
