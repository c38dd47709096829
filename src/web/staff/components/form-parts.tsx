import type { Child } from 'hono/jsx';

export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/** Field ids are derived from field paths ("indicators.x.actual" → "f-indicators-x-actual"). */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/** The list of problems at the top of a refused form, each linking to its field (focus moves there). */
export function ErrorSummary(props: {
  title: string;
  errors: Record<string, string>;
  labels?: Record<string, string>;
}) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{props.title}</h2>
      <ul>
        {entries.map(([path, message]) => (
          <li>
            <a href={`#${fieldId(path)}`}>
              {props.labels?.[path] ? `${props.labels[path]}: ` : ''}
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  path: string;
  label: Child;
  error?: string | undefined;
  hint?: Child;
  required?: boolean;
}

function describedBy(id: string, p: FieldProps): string | undefined {
  const ids = [p.hint ? `${id}-hint` : '', p.error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Extras(props: { id: string; hint?: Child; error?: string | undefined }) {
  return (
    <>
      {props.hint && (
        <p class="field__hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field__error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </>
  );
}

export function TextField(
  props: FieldProps & {
    name: string;
    value: string;
    type?: string;
    autocomplete?: string;
    inputmode?: 'decimal' | 'numeric' | 'text' | 'email';
  },
) {
  const id = fieldId(props.path);
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <label for={id}>{props.label}</label>
      <Extras id={id} hint={props.hint} error={props.error} />
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props)}
      />
    </div>
  );
}

export function TextArea(props: FieldProps & { name: string; value: string; rows?: number }) {
  const id = fieldId(props.path);
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <label for={id}>{props.label}</label>
      <Extras id={id} hint={props.hint} error={props.error} />
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props)}
      >
        {props.value}
      </textarea>
    </div>
  );
}

export function SelectField(
  props: FieldProps & { name: string; value: string; options: { value: string; label: string }[] },
) {
  const id = fieldId(props.path);
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <label for={id}>{props.label}</label>
      <Extras id={id} hint={props.hint} error={props.error} />
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props)}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * One choice out of a few, each with its description beside it (e.g. a rating level and its definition). The
 * first radio carries the field's id, so the error summary's link lands in the group.
 */
export function RadioGroupField(
  props: FieldProps & {
    name: string;
    value: string;
    options: { value: string; label: string; description?: string | undefined }[];
  },
) {
  const id = fieldId(props.path);
  return (
    <fieldset
      class={props.error ? 'field field--error radio-group' : 'field radio-group'}
      aria-describedby={describedBy(id, props)}
    >
      <legend>{props.label}</legend>
      <Extras id={id} hint={props.hint} error={props.error} />
      {props.options.map((o, i) => {
        const optionId = i === 0 ? id : `${id}-${i}`;
        return (
          <div class="radio-option">
            <input
              type="radio"
              id={optionId}
              name={props.name}
              value={o.value}
              checked={o.value === props.value}
              aria-describedby={o.description ? `${optionId}-desc` : undefined}
            />
            <label for={optionId}>{o.label}</label>
            {o.description && (
              <span class="radio-option__desc" id={`${optionId}-desc`}>
                {o.description}
              </span>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

export function CheckboxField(props: FieldProps & { name: string; checked: boolean; value?: string }) {
  const id = fieldId(props.path);
  return (
    <div class={props.error ? 'field field--check field--error' : 'field field--check'}>
      <input
        id={id}
        name={props.name}
        type="checkbox"
        value={props.value ?? 'on'}
        checked={props.checked}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props)}
      />
      <label for={id}>{props.label}</label>
      <Extras id={id} hint={props.hint} error={props.error} />
    </div>
  );
}
