import type { ReactNode } from "react";
import { createPortal } from "react-dom";

/**
 * While this is on the page, printing prints only `children` (see labels.css): they are put
 * straight into <body>, next to the app, which printing then hides. Hidden on screen.
 */
export function PrintOnly({ children }: { children: ReactNode }) {
  return createPortal(
    <div className="app-print-only" aria-hidden="true">
      {children}
    </div>,
    document.body,
  );
}
