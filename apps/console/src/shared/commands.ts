import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api';
import { errorText, placeIssues } from './errors';
import { changedBy, type Changed } from './query';

export interface CommandOptions<V, R> {
  /** The request. */
  send: (values: V) => Promise<R>;
  /** The queries the command changes (the object, its lists, its timeline): fetched again before the command counts as done. */
  changes?: (values: V, result: R | undefined) => readonly Changed[];
  /** After the changed queries are fresh. */
  onDone?: (result: R, values: V) => void;
  /** A refusal or failure (after the retries of a 503). */
  onFailed?: (error: unknown, values: V) => void;
}

/**
 * A command (POST …) as a mutation: on success the queries it changes are
 * fetched again, then `onDone`; a 409 (refused in the current state: someone
 * may have moved the object meanwhile) fetches them again too.
 */
export function useCommand<V = void, R = unknown>({ send, changes, onDone, onFailed }: CommandOptions<V, R>) {
  const client = useQueryClient();
  const refresh = (values: V, result: R | undefined) => client.invalidateQueries({ predicate: changedBy(changes?.(values, result) ?? []) });
  return useMutation<R, unknown, V>({
    mutationFn: send,
    onSuccess: async (result, values) => {
      await refresh(values, result);
      onDone?.(result, values);
    },
    onError: (error, values) => {
      if (error instanceof ApiError && error.status === 409) void refresh(values, undefined);
      onFailed?.(error, values);
    },
  });
}

/**
 * A form's command: `saving` while it runs; a refusal told where it belongs —
 * the service's 400 reasons under the form's fields (`rename` maps a service
 * field to the form's), the rest in `problems` (a 409's reasons by `refusal`,
 * else the error's text) for the form to show, or to `tell`.
 */
export function useFormCommand<V, R = unknown>(
  form: FormInstance,
  options: CommandOptions<V, R> & {
    rename?: (field: string) => string | undefined;
    refusal?: (error: unknown) => string[] | null;
    /** Tell the problems (e.g. as a message) instead of keeping them for the form. */
    tell?: (text: string) => void;
  },
) {
  const [problems, setProblems] = useState<string[]>([]);
  const { rename, refusal, tell, onFailed } = options;
  const command = useCommand<V, R>({
    ...options,
    onFailed: (error, values) => {
      const left = placeIssues(form, error, rename);
      const found = left === null ? (refusal?.(error) ?? [errorText(error)]) : left;
      if (!tell) setProblems(found);
      else if (found.length) tell(found.join('；'));
      onFailed?.(error, values);
    },
  });
  const submit = (values: V) => {
    setProblems([]);
    command.mutate(values);
  };
  /** Checks the form's own rules first (for a modal's OK button). */
  const validateAndSubmit = async () => {
    let values: V;
    try {
      values = (await form.validateFields()) as V;
    } catch {
      return;
    }
    submit(values);
  };
  return { saving: command.isPending, problems, problem: problems.length ? problems.join('；') : undefined, submit, validateAndSubmit, clearProblems: () => setProblems([]) };
}

/** A flat modal form's fields: a service field the form lacks falls back to its first segment (`supplyBy.date` → `supplyBy`). */
export const onFields = (fields: string[]) => (field: string) => (fields.includes(field) ? field : field.split('.')[0]);
