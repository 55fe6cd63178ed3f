import { sealSearchAction } from "@/lib/search/actions/seal-search";

/**
 * The search box's text as a URL-safe token: the text goes to the server in a POST body and only
 * the opaque token comes back for the URL. The box has no `name`, so a form sent without
 * JavaScript never puts it in the query string either. Undefined when empty or refused.
 */
export async function searchTokenFor(form: HTMLFormElement, inputId: string): Promise<string | undefined> {
  const input = form.elements.namedItem(inputId);
  const q = input instanceof HTMLInputElement ? input.value.trim() : "";
  if (!q) return undefined;
  const result = await sealSearchAction({ q });
  return result?.data?.token;
}
