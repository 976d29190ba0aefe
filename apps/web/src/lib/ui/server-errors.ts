import type { FormInstance } from 'antd';
import { apiErrorMessage, apiFieldErrors } from '../api-error';

/**
 * Puts the BFF's per-field validation messages next to the matching form fields and
 * returns the overall message to show at the top of the form.
 */
export function applyServerErrors<T>(form: FormInstance<T>, error: unknown): string {
  const fieldErrors = apiFieldErrors(error);
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const fields = Object.entries(fieldErrors)
    .filter(([name]) => known.has(name))
    .map(([name, errors]) => ({ name, errors }));
  if (fields.length > 0) form.setFields(fields as Parameters<FormInstance<T>['setFields']>[0]);
  return apiErrorMessage(error);
}
