"use client";

import { Component, lazy, type ComponentType, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/**
 * A React.lazy component that can load again: lazy keeps a failed import for good, so a retry
 * needs a new one. Its code is fetched on first render, as with lazy.
 */
export function retryableLazy<P extends object>(load: () => Promise<ComponentType<P>>) {
  const make = () => lazy(() => load().then((component) => ({ default: component })));
  let current = make();
  function Retryable(props: P) {
    const Loaded = current;
    return <Loaded {...props} />;
  }
  return Object.assign(Retryable, {
    /** Forgets a failed load, so the next render fetches the code again. */
    retry: () => {
      current = make();
    },
  });
}

function PartFailed({ onRetry }: { onRetry: () => void }) {
  const t = useTranslations("app");
  return (
    <div role="alert" className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="part-failed">
      <p>{t("partFailed")}</p>
      <Button type="button" variant="secondary" onClick={onRetry}>
        {t("retry")}
      </Button>
    </div>
  );
}

type TProps = { children: ReactNode; onRetry?: () => void };

/**
 * Keeps a failure (its code did not download, or it threw while rendering) inside one part of a
 * page: the part says so and offers to try again; everything around it, forms included, stays.
 */
export class PartBoundary extends Component<TProps, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  retry = () => {
    this.props.onRetry?.();
    this.setState({ failed: false });
  };

  render() {
    return this.state.failed ? <PartFailed onRetry={this.retry} /> : this.props.children;
  }
}
