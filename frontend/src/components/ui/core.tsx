// The wrappers the sign-in page needs too (a field, a button, a notice, the page title): they use no
// router, so the sign-in page's own script (signin.tsx) can import them without it. Features import
// them through index.tsx, like every other wrapper.
import type { ReactNode } from 'react';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert as UAlert,
  Button as UButton,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Textbox,
} from '@utrecht/component-library-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { SkipLink } from '@nl-design-system-candidate/skip-link-react';
import { ApiError } from '../../lib/api/error';

// The NL Design System candidate components, where they exist (heading, paragraph, skip link);
// Utrecht's for the rest.
export { Paragraph, Heading, SkipLink };

type FieldProps = {
  label: string;
  name: string;
  type?: 'text' | 'email' | 'tel' | 'password' | 'date' | 'datetime-local';
  value: string;
  onChange: (v: string) => void;
  /** error is a reason code from the server (see i18n "fields"). */
  error?: string;
  /** message, when set, is shown instead of the code's generic text. */
  message?: string;
  description?: string;
  required?: boolean;
  autoComplete?: string;
  inputMode?: 'numeric' | 'decimal' | 'text';
  /** after is shown under the input (e.g. the place of a postcode). */
  after?: ReactNode;
};

type FrameProps = {
  label: string;
  description?: ReactNode;
  /** error is a reason code from the server (see i18n "fields"). */
  error?: string;
  /** message, when set, is shown instead of the code's generic text. */
  message?: string;
  after?: ReactNode;
  className?: string;
  /** children renders the control with the id and aria-describedby it must carry. */
  children: (ids: { id: string; describedBy?: string }) => ReactNode;
};

/** FieldFrame is the label, description and error message around one form control. */
export function FieldFrame({ label, description, error, message, after, className, children }: FrameProps) {
  const { t } = useTranslation();
  const id = useId();
  const descId = description ? `${id}-desc` : undefined;
  const errId = error ? `${id}-err` : undefined;
  return (
    <FormField invalid={!!error}>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      {description && <FormFieldDescription id={descId}>{description}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={errId}>{message || t(`fields.${error}`, { defaultValue: t('fields.invalid') })}</FormFieldErrorMessage>}
      <div className={`utrecht-form-field__input ${className ?? ''}`}>{children({ id, describedBy: [descId, errId].filter(Boolean).join(' ') || undefined })}</div>
      {after}
    </FormField>
  );
}

/** Field is a labelled text input with its description and error message. */
export function Field({ label, name, type = 'text', value, onChange, error, message, description, required, autoComplete, inputMode, after }: FieldProps) {
  return (
    <FieldFrame label={label} description={description} error={error} message={message} after={after}>
      {({ id, describedBy }) => (
        <Textbox
          inputMode={inputMode}
          id={id}
          name={name}
          type={type}
          value={value}
          required={required}
          invalid={!!error}
          autoComplete={autoComplete}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}

/**
 * Button: primary by default; describedBy names an element that explains it (e.g. an error);
 * label, when set, is its accessible name and starts with the visible text (e.g. "Voeg toe: bakker").
 */
export function Button(props: {
  children: ReactNode;
  type?: 'submit' | 'button';
  onClick?: () => void;
  disabled?: boolean;
  secondary?: boolean;
  describedBy?: string;
  label?: string;
}) {
  return (
    <UButton
      type={props.type ?? 'button'}
      appearance={props.secondary ? 'secondary-action-button' : 'primary-action-button'}
      onClick={props.onClick}
      disabled={props.disabled}
      aria-describedby={props.describedBy}
      aria-label={props.label}
    >
      {props.children}
    </UButton>
  );
}

/** Notice is an alert that screen readers announce. */
export function Notice({ type, children }: { type: 'info' | 'ok' | 'warning' | 'error'; children: ReactNode }) {
  return (
    <UAlert type={type} role={type === 'error' ? 'alert' : 'status'}>
      <Paragraph>{children}</Paragraph>
    </UAlert>
  );
}

/** PageTitle is the page's one h1, and sets the document title. */
export function PageTitle({ children }: { children: string }) {
  useEffect(() => {
    document.title = `${children} | Werkhaven`;
  }, [children]);
  return <Heading level={1}>{children}</Heading>;
}

/** ErrorNotice shows an API error with its reference for the helpdesk. */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const ref = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Notice type="error">
      {t('common.error')} {ref && t('common.errorRef', { id: ref })}
    </Notice>
  );
}
