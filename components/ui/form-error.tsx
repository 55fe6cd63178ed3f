/** The error a whole form got back from the server (not one field's), announced at once. */
export function FormError({ error }: { error: { message?: string } | undefined }) {
  if (!error?.message) return null;
  return (
    <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-danger">
      {error.message}
    </p>
  );
}
