import type { FormInstance } from 'antd';
import { apiErrorMessage, apiFieldErrors } from '../api-error';

/**
 * Puts the BFF's per-field validation messages next to the form fields the form has
 * (by name) and returns the overall message to show at the top of the form.
 */
export function applyServerErrors<T>(form: FormInstance<T>, error: unknown, fieldNames: readonly string[]): string {
  const fieldErrors = apiFieldErrors(error);
  const fields = fieldNames
    .filter((name) => (fieldErrors[name]?.length ?? 0) > 0)
    .map((name) => ({ name, errors: fieldErrors[name] ?? [] }));
  if (fields.length > 0) form.setFields(fields as Parameters<FormInstance<T>['setFields']>[0]);
  return apiErrorMessage(error);
}
