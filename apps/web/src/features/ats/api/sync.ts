import { useMutation, useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const GetPostingHiringQuery = graphql(`
  query GetPostingHiring($id: ID!) {
    jobPosting(id: $id) {
      id
      candidates(first: 50) {
        totalCount
        edges {
          node {
            id
            name
            email
            hiringStatus
          }
        }
      }
      hiredCandidates {
        id
        atsSync {
          sourceId
          sourceName
          remoteId
          syncedAt
          lastOutcome
          lastStatus
          lastMessage
        }
      }
    }
    atsSources {
      id
      name
      enabled
      jobPostingIds
    }
  }
`);

export function usePostingHiring(id: string) {
  return useQuery(GetPostingHiringQuery, { variables: { id } });
}

export const MoveCandidateMutation = graphql(`
  mutation MoveCandidate($id: ID!, $status: HiringStatus!) {
    moveCandidate(id: $id, status: $status) {
      id
      hiringStatus
      hiringStatusChangedAt
    }
  }
`);

/** Hired candidates are a list of their own on the posting: refetch it after a move. */
export function useMoveCandidate() {
  return useMutation(MoveCandidateMutation, { refetchQueries: [GetPostingHiringQuery] });
}

export const SyncHiredCandidatesMutation = graphql(`
  mutation SyncHiredCandidates($jobPostingId: ID!, $sourceIds: [ID!]) {
    syncHiredCandidates(jobPostingId: $jobPostingId, sourceIds: $sourceIds) {
      id
      status
    }
  }
`);

export function useSyncHiredCandidates() {
  return useMutation(SyncHiredCandidatesMutation);
}

export const GetAtsSyncRunQuery = graphql(`
  query GetAtsSyncRun($taskId: ID!) {
    atsSyncRun(taskId: $taskId) {
      id
      trigger
      status
      startedByEmail
      pairsTotal
      synced
      unchanged
      failed
      results {
        pairId
        candidateName
        sourceName
        outcome
        remoteStatus
        remoteId
        message
        calls
        at
      }
    }
  }
`);

export const GetAtsSyncHistoryQuery = graphql(`
  query GetAtsSyncHistory($days: Int!) {
    atsSyncRuns(first: 100) {
      id
      taskId
      jobPostingId
      trigger
      status
      startedByEmail
      pairsTotal
      synced
      unchanged
      failed
      startedAt
      finishedAt
    }
    atsSyncStats(days: $days) {
      day
      sourceId
      sourceName
      synced
      unchanged
      failed
      successRate
    }
  }
`);

export function useAtsSyncHistory(days: number) {
  return useQuery(GetAtsSyncHistoryQuery, { variables: { days } });
}
