/**
 * The first stop of the keyboard on every page: past the header to the page's
 * `<main id="main" tabIndex={-1}>`. Hidden until focused, then shown at the top left.
 */
export function SkipLink({ label }: { label: string }) {
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-brand focus:shadow-md focus:outline-2 focus:outline-brand"
    >
      {label}
    </a>
  );
}
