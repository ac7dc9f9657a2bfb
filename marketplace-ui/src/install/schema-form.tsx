/**
 * A form generated from a plugin's JSON Schema (settings, API-key fields) with
 * @rjsf/core and the ajv8 validator, so the browser checks what the server will.
 */
import Form from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';

export interface SchemaFormProps {
  schema: unknown;
  formData: unknown;
  submitLabel: string;
  busy?: boolean;
  idPrefix: string;
  /** Field names whose values are secrets (shown as password inputs). */
  secretFields?: string[];
  onSubmit(data: Record<string, unknown>): void;
}

export function SchemaForm({ schema, formData, submitLabel, busy, idPrefix, secretFields = [], onSubmit }: SchemaFormProps) {
  const rjsfSchema = (schema && typeof schema === 'object' ? schema : { type: 'object', properties: {} }) as RJSFSchema;
  const uiSchema: UiSchema = { 'ui:submitButtonOptions': { submitText: submitLabel, props: { disabled: Boolean(busy), className: 'primary' } } };
  for (const name of secretFields) uiSchema[name] = { 'ui:widget': 'password' };
  return (
    <Form
      schema={rjsfSchema}
      uiSchema={uiSchema}
      formData={formData ?? {}}
      validator={validator}
      idPrefix={idPrefix}
      showErrorList="top"
      noHtml5Validate
      // The error list at the top already tells the person; rjsf would also log to the console.
      onError={() => undefined}
      onSubmit={({ formData: data }) => onSubmit((data ?? {}) as Record<string, unknown>)}
    />
  );
}
