import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const PREVIEW_FIRES = 5;

export const PreviewScheduleQuery = graphql(`
  query PreviewSchedule($cron: String, $intervalSeconds: Int, $timezone: String!, $count: Int!) {
    previewSchedule(cron: $cron, intervalSeconds: $intervalSeconds, timezone: $timezone, count: $count) {
      description
      nextFires
    }
  }
`);

export interface PreviewTiming {
  cron: string | null;
  intervalSeconds: number | null;
  timezone: string;
}

/** What a timing would do; `null` (nothing typed yet) asks nothing. */
export function usePreviewSchedule(timing: PreviewTiming | null) {
  return useQuery(PreviewScheduleQuery, {
    variables: { cron: timing?.cron ?? null, intervalSeconds: timing?.intervalSeconds ?? null, timezone: timing?.timezone ?? "UTC", count: PREVIEW_FIRES },
    skip: timing === null,
    fetchPolicy: "cache-first",
  });
}
