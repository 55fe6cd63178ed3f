"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { TCodeLists } from "./code-lists";

const CodeListsContext = createContext<TCodeLists>({ countries: [], currencies: [] });

/** Gives the forms below it the country and currency options the server built. */
export function CodeListsProvider({ value, children }: { value: TCodeLists; children: ReactNode }) {
  return <CodeListsContext.Provider value={value}>{children}</CodeListsContext.Provider>;
}

export function useCodeLists(): TCodeLists {
  return useContext(CodeListsContext);
}
