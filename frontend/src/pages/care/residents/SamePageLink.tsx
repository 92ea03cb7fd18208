// Links to a part of the same page. A plain "#id" link would make the router treat it as a new
// page (focus jumps back to the heading), so move to the part and focus it here instead.
import { useEffect, type ReactNode } from "react";
import { useLocation } from "react-router";

export function goToPart(id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  target.scrollIntoView({ block: "start" });
  target.focus({ preventScroll: true });
}

export function SamePageLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <a
      className="govuk-link"
      href={`#${to}`}
      onClick={(event) => {
        event.preventDefault();
        goToPart(to);
      }}
    >
      {children}
    </a>
  );
}

/** Arriving from another page at "…#allergies": go to that part once it is on the page. */
export function useGoToHash(ready: boolean): void {
  const { hash, key } = useLocation();
  useEffect(() => {
    if (ready && hash.length > 1) goToPart(decodeURIComponent(hash.slice(1)));
  }, [ready, hash, key]);
}
