import { useMutation, useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const AiSettingsQuery = graphql(`
  query AiSettings {
    aiSettings {
      inlineThreshold
      maxFilesPerUpload
      defaultModel
      taskConcurrency
      rerankTopN
      llmConfigured
      updatedAt
      prices {
        model
        inputPerMillion
        outputPerMillion
      }
    }
  }
`);

export const UpdateAiSettingsMutation = graphql(`
  mutation UpdateAiSettings($input: AiSettingsInput!) {
    updateAiSettings(input: $input) {
      inlineThreshold
      maxFilesPerUpload
      defaultModel
      taskConcurrency
      rerankTopN
      llmConfigured
      updatedAt
      prices {
        model
        inputPerMillion
        outputPerMillion
      }
    }
  }
`);

export function useAiSettings() {
  return useQuery(AiSettingsQuery);
}

export function useUpdateAiSettings() {
  return useMutation(UpdateAiSettingsMutation, { refetchQueries: [AiSettingsQuery] });
}
