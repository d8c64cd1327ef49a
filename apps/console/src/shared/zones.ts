import { useApi } from './query';

/** The development zones (GET /zones, one page of up to 100, kept for the session) and their names. */
export function useZones() {
  const query = useApi('project-intake', '/zones', { query: { pageSize: 100 } }, { staleTime: Infinity });
  const zones = query.data?.items ?? [];
  return { zones, loading: query.isLoading, error: query.error, zoneName: (code: string) => zones.find((z) => z.code === code)?.name ?? code };
}
