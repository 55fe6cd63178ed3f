/** The outcome of a change of owners, announced where it was made. */
export function OwnershipMessage({ message }: { message: { tone: "ok" | "error"; text: string } | null }) {
  return (
    <div aria-live="polite" className="empty:hidden">
      {message && (
        <p role={message.tone === "error" ? "alert" : "status"} data-testid="ownership-message" className={message.tone === "error" ? "rounded-md bg-red-50 p-2 text-sm text-danger" : "rounded-md bg-green-50 p-2 text-sm text-green-900"}>
          {message.text}
        </p>
      )}
    </div>
  );
}
