import { useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const ResumeAnalysesQuery = graphql(`
  query ResumeAnalyses($jobPostingId: ID!, $taskId: ID) {
    resumeAnalyses(jobPostingId: $jobPostingId, taskId: $taskId) {
      id
      candidateId
      mode
      engine
      model
      fitScore
      matchedRequirements
      missingRequirements
      strengths
      concerns
      assessment
      interviewQuestions
      promptTokens
      completionTokens
      estimatedCostUsd
      profile {
        skills
        yearsOfExperience
        education
        recentRoles {
          title
          company
        }
      }
    }
  }
`);

export function useResumeAnalyses(jobPostingId: string, taskId: string | null) {
  return useQuery(ResumeAnalysesQuery, { variables: { jobPostingId, taskId }, fetchPolicy: "cache-and-network" });
}
