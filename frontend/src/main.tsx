import "./styles.scss";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { ApiProblem } from "./api/problem";
import { router } from "./app/router";
import { SessionProvider } from "./auth/SessionProvider";

// GOV.UK Frontend's JavaScript only starts where the body says it is supported.
document.body.classList.add("js-enabled", "govuk-frontend-supported");

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retry a failed read once for a dropped connection or a server error, never for 4xx.
      retry: (failures, error) => failures < 1 && !(error instanceof ApiProblem && error.status < 500),
    },
  },
});

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </QueryClientProvider>
  </StrictMode>,
);
