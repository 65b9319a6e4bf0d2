import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox, Fieldset, FieldsetLegend, FormFieldDescription, FormFieldErrorMessage, FormLabel, RadioButton } from '@utrecht/component-library-react';

type Common = {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  /** error is a reason code from the server (see i18n "fields"). */
  error?: string;
  /** message, when set, is shown instead of the code's generic text. */
  message?: string;
  description?: string;
};

/** One choice out of a few (radio buttons), or, with multiple, any number of them (checkboxes). */
export type ChoiceGroupProps = Common &
  ({ multiple?: false; value: string; onChange: (v: string) => void } | { multiple: true; values: string[]; onChange: (v: string[]) => void });

/**
 * ChoiceGroup is a fieldset of radio buttons (one choice out of a few) or, with multiple, of checkboxes (any number):
 * a legend, an optional description and error message, and an option per line or in a row.
 */
export function ChoiceGroup(props: ChoiceGroupProps) {
  const { legend, name, options, error, message, description } = props;
  const { t } = useTranslation();
  const id = useId();
  const type = props.multiple ? 'checkbox' : 'radio';
  const control = (value: string) => {
    const common = { id: `${id}-${value}`, name, value };
    if (props.multiple) {
      const { values, onChange } = props;
      return (
        <Checkbox {...common} checked={values.includes(value)} onChange={(e) => onChange(e.target.checked ? [...values, value] : values.filter((v) => v !== value))} />
      );
    }
    const { onChange } = props;
    return <RadioButton {...common} checked={props.value === value} onChange={() => onChange(value)} />;
  };
  return (
    <Fieldset invalid={!!error} className={props.multiple ? 'wh-checkboxes' : 'wh-checkboxes wh-radios'}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {description && <FormFieldDescription>{description}</FormFieldDescription>}
      {error && <FormFieldErrorMessage>{message || t(`fields.${error}`, { defaultValue: t('fields.invalid') })}</FormFieldErrorMessage>}
      <div className="wh-checkboxes__options">
        {options.map((o) => (
          <div key={o.value} className="wh-checkbox">
            {control(o.value)}
            <FormLabel htmlFor={`${id}-${o.value}`} type={type}>
              {o.label}
            </FormLabel>
          </div>
        ))}
      </div>
    </Fieldset>
  );
}
