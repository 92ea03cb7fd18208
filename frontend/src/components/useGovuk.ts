import { createAll, type GovukComponentClass } from "govuk-frontend";
import { useEffect, type DependencyList, type RefObject } from "react";

function reportUnlessAlreadyInitialised(error: Error): void {
  // React StrictMode runs effects twice, and a re-render may ask again: GOV.UK Frontend refuses
  // to initialise an element twice ("Root element already initialised"), which is what we want.
  if (error.name === "InitError") return;
  console.error(error);
}

/**
 * Initialise GOV.UK Frontend's JavaScript for the given components inside `scope` (the
 * elements with their `data-module`), once per element.
 */
export function useGovuk(
  scope: RefObject<Element | null>,
  components: readonly GovukComponentClass[],
  deps: DependencyList = [],
  config?: object,
): void {
  useEffect(() => {
    const root = scope.current;
    if (!root) return;
    for (const component of components) {
      createAll(component, config, { scope: root, onError: reportUnlessAlreadyInitialised });
    }
    // `deps` are the caller's: re-run when the component's markup may have new elements.
  }, deps);
}
