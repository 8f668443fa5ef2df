import { useMutation, useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const AtsSourceFieldsFragment = graphql(`
  fragment AtsSourceFields on AtsSource {
    id
    name
    kind
    baseUrl
    authKind
    credentialsSet
    credentialsLast4
    settings
    fieldMapping
    jobPostingIds
    enabled
    concurrency
    updatedAt
  }
`);

export const GetAtsSourcesQuery = graphql(`
  query GetAtsSources {
    atsSources {
      ...AtsSourceFields
    }
  }
`);

export function useAtsSources() {
  return useQuery(GetAtsSourcesQuery);
}

export const CreateAtsSourceMutation = graphql(`
  mutation CreateAtsSource($input: AtsSourceInput!) {
    createAtsSource(input: $input) {
      ...AtsSourceFields
    }
  }
`);

export function useCreateAtsSource() {
  return useMutation(CreateAtsSourceMutation, { refetchQueries: [GetAtsSourcesQuery] });
}

export const UpdateAtsSourceMutation = graphql(`
  mutation UpdateAtsSource($id: ID!, $input: AtsSourceInput!) {
    updateAtsSource(id: $id, input: $input) {
      ...AtsSourceFields
    }
  }
`);

export function useUpdateAtsSource() {
  return useMutation(UpdateAtsSourceMutation);
}

export const TestAtsSourceMutation = graphql(`
  mutation TestAtsSource($id: ID!) {
    testAtsSource(id: $id) {
      ok
      reason
      status
      message
      durationMs
    }
  }
`);

export function useTestAtsSource() {
  return useMutation(TestAtsSourceMutation);
}
