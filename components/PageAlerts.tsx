import { fmt, type Strings } from '../lib/i18n';

/** The alerts every extension page shows: a database that could not open, and a load error. */
export function PageAlerts({
  degraded,
  error,
  strings,
}: {
  degraded?: string;
  error: string | null;
  strings: Strings;
}) {
  return (
    <>
      {degraded && (
        <p class="error" role="alert">
          {fmt(strings.popup.degraded, { reason: degraded })}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
