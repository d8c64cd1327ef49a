import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * A list's filters kept in the page's address (`?q=&status=…`): a reload or a shared link shows the same
 * list. `params` to read them from; `setFilter` sets one (empty: removes it) without a new history entry.
 */
export function useAddressFilters<K extends string>(): {
  params: URLSearchParams;
  setFilter: (key: K, value: string | undefined) => void;
  setFilters: (changes: Partial<Record<K, string | undefined>>) => void;
} {
  const [params, setParams] = useSearchParams();
  const setFilters = (changes: Partial<Record<K, string | undefined>>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes) as [string, string | undefined][]) {
          if (value?.trim()) next.set(key, value.trim());
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  return { params, setFilter: (key, value) => setFilters({ [key]: value } as Partial<Record<K, string | undefined>>), setFilters };
}

/** A search box's text: what is typed, sent on 搜索 / Enter; it follows the address when that changes (back, a link, 清除). */
export function useDraft(value: string | undefined): [string, (text: string) => void] {
  const [text, setText] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value ?? '');
  }
  return [text, setText];
}
