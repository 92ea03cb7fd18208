// The FHIR R4 export of one resident's record, downloaded as a .json file. Every export is
// audited by the careplan-api (who, when, how many resources; never the content).
import { careplan } from "../../../api/client";
import { unwrap } from "../../../api/problem";

/** "fhir-ashworth-margaret-2026-12-04.json": readable, no spaces, nothing but letters and digits. */
export function exportFileName(familyName: string, givenName: string, day: string): string {
  const slug = (text: string) =>
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  return ["fhir", slug(familyName), slug(givenName), day].filter(Boolean).join("-") + ".json";
}

/** How many of each resource the bundle holds: "1 Patient, 1 CarePlan, 4 Goal". */
export function bundleContents(bundle: unknown): Record<string, number> {
  const counts: Record<string, number> = {};
  const entries = typeof bundle === "object" && bundle !== null && "entry" in bundle && Array.isArray(bundle.entry) ? bundle.entry : [];
  for (const entry of entries as unknown[]) {
    const resource = typeof entry === "object" && entry !== null && "resource" in entry ? entry.resource : null;
    const type = typeof resource === "object" && resource !== null && "resourceType" in resource ? String(resource.resourceType) : "Other";
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

export async function fetchFhirBundle(residentId: string): Promise<Blob> {
  return unwrap(careplan.GET("/v1/residents/{resident_id}/fhir", { params: { path: { resident_id: residentId } }, parseAs: "blob" }));
}

/** Hands a file to the browser's downloads. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(new Blob([blob], { type: "application/fhir+json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
