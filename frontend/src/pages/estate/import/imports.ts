// The import's assets-api calls: a multipart upload with the save queue's Idempotency-Key (so a
// retried upload gets the first job back), and the job read while it runs.
import { useQuery } from "@tanstack/react-query";
import { assets } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import { isFinished, type Mapping } from "./importWizard";
import type { ImportForm, ImportJob } from "./types";

export interface Upload {
  file: File;
  homeId: string;
  mapping: Mapping;
  dryRun: boolean;
}

/** A slow phone line may take minutes to send 50 MB; after this the save queue tries again. */
const UPLOAD_TIMEOUT_MS = 5 * 60_000;

/**
 * The multipart body. The contract types the file part as a string (OpenAPI's binary format), so
 * the form fields carry the file's name there and the file itself is added here.
 */
export function formDataOf(fields: ImportForm, file: Blob): FormData {
  const form = new FormData();
  form.append("file", file, fields.file);
  form.append("home_id", fields.home_id);
  form.append("dry_run", String(fields.dry_run));
  if (fields.mapping) form.append("mapping", fields.mapping);
  return form;
}

export async function startImport(upload: Upload, idempotencyKey: string): Promise<ImportJob> {
  const fields: ImportForm = {
    file: upload.file.name,
    home_id: upload.homeId,
    dry_run: upload.dryRun,
    ...(Object.keys(upload.mapping).length > 0 ? { mapping: JSON.stringify(upload.mapping) } : {}),
  };
  return unwrap(
    assets.POST("/v1/imports", {
      params: { header: { "idempotency-key": idempotencyKey } },
      body: fields,
      bodySerializer: (body) => formDataOf(body, upload.file),
      signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
    }),
  );
}

export async function fetchImport(jobId: string): Promise<ImportJob> {
  return unwrap(assets.GET("/v1/imports/{job_id}", { params: { path: { job_id: jobId } } }));
}

const POLL_MS = 1000;

/** The job, read every second until it has finished. */
export function useImportJob(jobId: string | null) {
  return useQuery({
    queryKey: ["import", jobId],
    queryFn: () => fetchImport(jobId ?? ""),
    enabled: Boolean(jobId),
    refetchInterval: (query) => (isFinished(query.state.data) ? false : POLL_MS),
  });
}
