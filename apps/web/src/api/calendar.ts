/** The official holiday calendar (R37.1): published years, the bureau's import, working-day sums. */
import { routes, type CalendarYear } from '@gongshu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { queryKeys } from './queryKeys';

export function useCalendarYears() {
  return useQuery({ queryKey: queryKeys.calendar, queryFn: () => api(routes.listCalendarYears) });
}

export interface CalendarYearInput {
  readonly year: number;
  readonly source: string;
  readonly holidaysOnWeekdays: readonly string[];
  readonly makeupWorkdays: readonly string[];
}

export function usePutCalendarYear() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ year, ...body }: CalendarYearInput): Promise<CalendarYear> =>
      api(routes.putCalendarYear, {
        params: { year },
        body: { source: body.source, holidaysOnWeekdays: [...body.holidaysOnWeekdays], makeupWorkdays: [...body.makeupWorkdays] },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.calendar });
      // Open steps are recomputed on the new calendar (R37.1): every due date may have moved.
      void queryClient.invalidateQueries({ queryKey: queryKeys.deadlines });
      void queryClient.invalidateQueries({ queryKey: queryKeys.rectifications });
    },
  });
}

/** The date N working days after a date; asked only once the calculator's form is submitted. */
export function useAddWorkingDays(input: { from: string; days: number; provisional: boolean } | null) {
  return useQuery({
    queryKey: queryKeys.workingDays(input ?? { from: '', days: 0, provisional: false }),
    queryFn: () => api(routes.addWorkingDaysRoute, { query: input ?? { from: '', days: 0 } }),
    enabled: input !== null,
    retry: false,
  });
}
