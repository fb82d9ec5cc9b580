import type { ComponentChildren } from 'preact';

/** Slug for a field path, usable in element ids. */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

interface FieldProps {
  label: string;
  path: string;
  errors: Record<string, string>;
  value: string;
  onInput: (value: string) => void;
  multiline?: boolean;
  help?: string;
  required?: boolean;
  disabled?: boolean;
  lang?: string;
  /** The help changes as the reader types (it is announced politely). */
  live?: boolean;
}

/** A labelled text input whose problem (if any) shows under it and is announced with it. */
export function TextField({
  label,
  path,
  errors,
  value,
  onInput,
  multiline,
  help,
  required,
  disabled,
  lang,
  live,
}: FieldProps) {
  const id = fieldId(path);
  const error = errors[path];
  const describedBy =
    [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    required,
    disabled,
    lang,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
      {help && (
        <span class="help" id={`${id}-help`} aria-live={live ? 'polite' : undefined}>
          {help}
        </span>
      )}
      {error && (
        <span class="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

interface SelectProps<T extends string> {
  label: string;
  path: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  errors?: Record<string, string>;
}

/** A labelled select. */
export function SelectField<T extends string>({
  label,
  path,
  value,
  options,
  onChange,
  errors = {},
}: SelectProps<T>) {
  const id = fieldId(path);
  const error = errors[path];
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.currentTarget.value as T)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <span class="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

/** A labelled checkbox. */
export function CheckField({
  label,
  path,
  checked,
  onChange,
}: {
  label: string;
  path: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = fieldId(path);
  return (
    <div class="field check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      <label for={id}>{label}</label>
    </div>
  );
}

/** A fieldset with a legend. */
export function Group({
  legend,
  children,
  class: className,
}: {
  legend: string;
  children: ComponentChildren;
  class?: string;
}) {
  return (
    <fieldset class={className}>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}
