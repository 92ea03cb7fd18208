import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from "react";
import { setCsrfToken, setUnauthorizedHandler } from "../api/client";
import { isNetworkError } from "../api/problem";
import { fetchSession, signOut, type Session } from "./session";

export const SESSION_KEY = ["session"] as const;

interface SessionState {
  session: Session | null;
  loading: boolean;
  /** Store the answer of a successful sign-in. */
  signedIn: (session: Session) => void;
  /** Ends the session; `then` runs (a navigation, say) before the page forgets the person. */
  signOut: (then?: () => void) => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: 1 });
  const session = query.data ?? null;

  useEffect(() => {
    setCsrfToken(session?.csrf_token ?? null);
  }, [session]);

  useEffect(() => {
    // Any API call answering 401 means the session has ended: forget it, which sends the person
    // to sign in (and back to where they were afterwards).
    setUnauthorizedHandler(() => queryClient.setQueryData(SESSION_KEY, null));
    return () => setUnauthorizedHandler(null);
  }, [queryClient]);

  const signedIn = useCallback(
    (next: Session) => {
      setCsrfToken(next.csrf_token);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, next);
    },
    [queryClient],
  );

  const doSignOut = useCallback(
    async (then?: () => void) => {
      // If Care Hub cannot be reached the session is still open: say so (the caller does), and
      // stay signed in rather than pretend. Any answer from the server ends it here too.
      await signOut(session?.csrf_token ?? null).catch((error: unknown) => {
        if (isNetworkError(error)) throw error;
      });
      then?.();
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, null);
    },
    [queryClient, session],
  );

  const value = useMemo(
    () => ({ session, loading: query.isPending, signedIn, signOut: doSignOut }),
    [session, query.isPending, signedIn, doSignOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error("useSession outside SessionProvider");
  return state;
}

/** The signed-in person: only for pages behind RequireAuth. */
export function useSignedIn(): Session {
  const { session } = useSession();
  if (!session) throw new Error("useSignedIn outside RequireAuth");
  return session;
}
