// Werkhaven's few wrappers over the NL Design System (Utrecht) components:
// features use these, so a component swap happens in one place.
import type { ReactNode } from 'react';
import { useEffect, useId, useRef } from 'react';
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
  Textarea,
  Checkbox,
  StatusBadge,
} from '@utrecht/component-library-react';
import { Heading } from '@nl-design-system-candidate/heading-react';
import { Paragraph } from '@nl-design-system-candidate/paragraph-react';
import { SkipLink } from '@nl-design-system-candidate/skip-link-react';
import { Link } from 'react-router';
import { ApiError } from '../../lib/api/error';

// The NL Design System candidate components, where they exist (heading,
// paragraph, skip link); Utrecht's for the rest.
export { Paragraph, Heading, SkipLink, StatusBadge };
export { ChoiceGroup } from './ChoiceGroup';

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

type ChoiceProps = {
  label: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
  error?: string;
  message?: string;
};

/** Choice is a labelled select. */
export function Choice({ label, name, value, onChange, options, error, message }: ChoiceProps) {
  return (
    <FieldFrame label={label} error={error} message={message}>
      {({ id, describedBy }) => (
        <Select id={id} name={name} value={value} invalid={!!error} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => (
            <SelectOption key={o.value} value={o.value}>
              {o.label}
            </SelectOption>
          ))}
        </Select>
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

/**
 * NotFoundPage is the page of an address that leads nowhere: an unknown path,
 * or an object that does not exist (or is not the user's to see: the API
 * answers 404 for another organisation's or region's objects).
 */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Paragraph>{t('notFound.text')}</Paragraph>
      <Paragraph>
        <Link to="/">{t('notFound.home')}</Link>
      </Paragraph>
    </>
  );
}

/** DataState renders loading and error states around a data view; a 404 is the not-found page. */
export function DataState({ isLoading, error, children }: { isLoading: boolean; error: unknown; children: ReactNode }) {
  const { t } = useTranslation();
  if (isLoading) return <Paragraph role="status">{t('common.loading')}</Paragraph>;
  if (error instanceof ApiError && error.status === 404) return <NotFoundPage />;
  if (error) return <ErrorNotice error={error} />;
  return <>{children}</>;
}

type TextAreaProps = {
  label: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  message?: string;
  description?: string;
  maxLength?: number;
  after?: ReactNode;
};

/** TextArea is a labelled multi-line plain text input with a character count. */
export function TextArea({ label, name, value, onChange, error, message, description, maxLength, after }: TextAreaProps) {
  const { t } = useTranslation();
  const help = [description, maxLength ? t('common.chars', { n: value.length, max: maxLength }) : ''].filter(Boolean).join(' ');
  return (
    <FieldFrame label={label} description={help} error={error} message={message} after={after}>
      {({ id, describedBy }) => (
        <Textarea id={id} name={name} value={value} rows={6} invalid={!!error} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />
      )}
    </FieldFrame>
  );
}

/** CheckboxField is one labelled checkbox (a yes/no choice), with an optional description. */
export function CheckboxField({ label, name, checked, onChange, description }: { label: string; name: string; checked: boolean; onChange: (v: boolean) => void; description?: string }) {
  const id = useId();
  return (
    <div className="wh-checkbox">
      <Checkbox id={id} name={name} checked={checked} aria-describedby={description ? `${id}-desc` : undefined} onChange={(e) => onChange(e.target.checked)} />
      <FormLabel htmlFor={id} type="checkbox">
        {label}
      </FormLabel>
      {description && (
        <span id={`${id}-desc`} className="wh-small">
          {description}
        </span>
      )}
    </div>
  );
}

type DialogProps = {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
};

/**
 * Dialog is a modal dialog on the native <dialog> element: the browser traps
 * the focus inside, Escape closes it, and the focus returns to where it was.
 */
export function Dialog({ open, onClose, title, children }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      // jsdom has no showModal; the open attribute is the same for a test.
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    } else if (!open && d.open) {
      if (typeof d.close === 'function') d.close();
      else d.removeAttribute('open');
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="wh-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open && (
        <>
          <div className="wh-dialog__bar">
            <Heading level={2} id={`${id}-title`}>
              {title}
            </Heading>
            <UButton appearance="subtle-button" onClick={onClose}>
              {t('common.close')}
            </UButton>
          </div>
          {children}
        </>
      )}
    </dialog>
  );
}

/**
 * ScrollRegion holds content that may be wider than the screen (a table on a phone): it scrolls
 * sideways and takes keyboard focus, named label, so it can be scrolled without a mouse.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="wh-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
