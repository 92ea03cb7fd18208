// The alerts of one resident, from the lists that feed them (each fetched once and shared).
import { useMemo } from "react";
import { can } from "../../../auth/can";
import { useSignedIn } from "../../../auth/SessionProvider";
import type { Resident } from "../types";
import { buildAlerts, type Alert } from "./alerts";
import { useAllergies, useDolsExpiring, useLatestRisks, useReviewsDueNow } from "./residents";

export interface ResidentAlerts {
  alerts: Alert[];
  /** Still loading one of the sources. */
  loading: boolean;
  /** A source could not be loaded: the list may be incomplete, and the page says so. */
  incomplete: boolean;
}

export function useResidentAlerts(residentId: string, resident: Resident | undefined): ResidentAlerts {
  const { roles } = useSignedIn();
  const homeId = resident?.home_id;
  const allergies = useAllergies(residentId);
  const dols = useDolsExpiring(homeId, can(roles, "careplan:dols.list"));
  const reviews = useReviewsDueNow(homeId, can(roles, "careplan:review.list"));
  const risks = useLatestRisks(residentId, can(roles, "careplan:risk.read"));
  const sources = [allergies, dols, reviews, risks];
  const alerts = useMemo(
    () => buildAlerts({ residentId, allergies: allergies.data, dolsExpiring: dols.data, reviewsDue: reviews.data, risks: risks.data }),
    [residentId, allergies.data, dols.data, reviews.data, risks.data],
  );
  return {
    alerts,
    loading: sources.some((q) => q.isLoading),
    incomplete: sources.some((q) => q.isError),
  };
}
