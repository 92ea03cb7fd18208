import { useQuery } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { assets } from "../api/client";
import { unwrap } from "../api/problem";
import type { Home } from "../api/types";
import { isOrgWide } from "./can";
import { chooseHome, rememberHome, rememberedHome } from "./homeChoice";
import { useSignedIn } from "./SessionProvider";

const MAX_PAGES = 10; // 2,000 homes: far more than any council runs

/** Every home the person may work in. The server limits the list to the person's homes. */
async function fetchMyHomes(): Promise<Home[]> {
  const homes: Home[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const data = await unwrap(
      assets.GET("/v1/homes", { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } }),
    );
    homes.push(...data.items);
    if (!data.next_cursor) break;
    cursor = data.next_cursor;
  }
  return homes;
}

interface HomeState {
  homes: Home[];
  current: Home | null;
  orgWide: boolean;
  loading: boolean;
  choose: (homeId: string) => void;
}

const HomeContext = createContext<HomeState | null>(null);

export function HomeProvider({ children }: { children: ReactNode }) {
  const session = useSignedIn();
  const query = useQuery({ queryKey: ["my-homes", session.username], queryFn: fetchMyHomes, staleTime: 5 * 60_000 });
  const [chosen, setChosen] = useState<string | null>(() => rememberedHome(session.username));
  const orgWide = isOrgWide(session.roles);
  const homes = useMemo(() => {
    const all = query.data ?? [];
    // Belt and braces: a person limited to homes only ever chooses among the homes in their claim.
    return orgWide ? all : all.filter((home) => session.homes.includes(home.id));
  }, [query.data, orgWide, session.homes]);

  const choose = useCallback(
    (homeId: string) => {
      rememberHome(session.username, homeId);
      setChosen(homeId);
    },
    [session.username],
  );

  const value = useMemo(
    () => ({ homes, current: chooseHome(homes, chosen), orgWide, loading: query.isPending, choose }),
    [homes, chosen, orgWide, query.isPending, choose],
  );
  return <HomeContext.Provider value={value}>{children}</HomeContext.Provider>;
}

export function useHomes(): HomeState {
  const state = useContext(HomeContext);
  if (!state) throw new Error("useHomes outside HomeProvider");
  return state;
}
