// Werkhaven's few wrappers over the NL Design System (Utrecht) components:
// features use these, so a component swap happens in one place.
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
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { SkipLink } from '@nl-design-system-candidate/skip-link-react';
import { ApiError } from '../../lib/api/error';

// The NL Design System candidate components, where they exist (heading,
// paragraph, skip link); Utrecht's for the rest.
export { Paragraph, Heading, SkipLink };

type FieldProps = {
  label: string;
  name: string;
  type?: 'text' | 'email' | 'password' | 'date' | 'datetime-local';
  value: string;
  onChange: (v: string) => void;
  /** error is a reason code from the server (see i18n "fields"). */
  error?: string;
  description?: string;
  required?: boolean;
  autoComplete?: string;
};

/** Field is a labelled text input with its description and error message. */
export function Field({ label, name, type = 'text', value, onChange, error, description, required, autoComplete }: FieldProps) {
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
      {error && (
        <FormFieldErrorMessage id={errId}>{t(`fields.${error}`, { defaultValue: t('fields.invalid') })}</FormFieldErrorMessage>
      )}
      <div className="utrecht-form-field__input">
        <Textbox
          id={id}
          name={name}
          type={type}
          value={value}
          required={required}
          invalid={!!error}
          autoComplete={autoComplete}
          aria-describedby={[descId, errId].filter(Boolean).join(' ') || undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
    </FormField>
  );
}

type ChoiceProps = {
  label: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
  error?: string;
};

/** Choice is a labelled select. */
export function Choice({ label, name, value, onChange, options, error }: ChoiceProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <FormField invalid={!!error}>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      {error && <FormFieldErrorMessage>{t(`fields.${error}`, { defaultValue: t('fields.invalid') })}</FormFieldErrorMessage>}
      <div className="utrecht-form-field__input">
        <Select id={id} name={name} value={value} invalid={!!error} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => (
            <SelectOption key={o.value} value={o.value}>
              {o.label}
            </SelectOption>
          ))}
        </Select>
      </div>
    </FormField>
  );
}

/** Button: primary by default. */
export function Button(props: { children: ReactNode; type?: 'submit' | 'button'; onClick?: () => void; disabled?: boolean; secondary?: boolean }) {
  return (
    <UButton
      type={props.type ?? 'button'}
      appearance={props.secondary ? 'secondary-action-button' : 'primary-action-button'}
      onClick={props.onClick}
      disabled={props.disabled}
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

/** DataState renders loading and error states around a data view. */
export function DataState({ isLoading, error, children }: { isLoading: boolean; error: unknown; children: ReactNode }) {
  const { t } = useTranslation();
  if (isLoading) return <Paragraph role="status">{t('common.loading')}</Paragraph>;
  if (error) return <ErrorNotice error={error} />;
  return <>{children}</>;
}
