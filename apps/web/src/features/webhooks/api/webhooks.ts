import { useMutation, useQuery } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const GetWebhookEndpointsQuery = graphql(`
  query GetWebhookEndpoints {
    webhookEndpoints {
      id
      url
      description
      events
      secretLast4
      enabled
      createdAt
      deliveries(first: 25) {
        id
        event
        status
        attempts
        lastStatus
        lastError
        taskId
        createdAt
        finishedAt
        attemptLog {
          attempt
          at
          responseStatus
          error
          durationMs
        }
      }
    }
  }
`);

export function useWebhookEndpoints() {
  return useQuery(GetWebhookEndpointsQuery);
}

export const CreateWebhookEndpointMutation = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      secret
      endpoint {
        id
      }
    }
  }
`);

export function useCreateWebhookEndpoint() {
  return useMutation(CreateWebhookEndpointMutation, { refetchQueries: [GetWebhookEndpointsQuery] });
}

export const UpdateWebhookEndpointMutation = graphql(`
  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(id: $id, input: $input) {
      id
      enabled
      events
      url
    }
  }
`);

export function useUpdateWebhookEndpoint() {
  return useMutation(UpdateWebhookEndpointMutation);
}

export const DeleteWebhookEndpointMutation = graphql(`
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id) {
      id
    }
  }
`);

export function useDeleteWebhookEndpoint() {
  return useMutation(DeleteWebhookEndpointMutation, { refetchQueries: [GetWebhookEndpointsQuery] });
}

export const RedeliverWebhookMutation = graphql(`
  mutation RedeliverWebhook($deliveryId: ID!) {
    redeliverWebhook(deliveryId: $deliveryId) {
      id
      status
      taskId
    }
  }
`);

export function useRedeliverWebhook() {
  return useMutation(RedeliverWebhookMutation, { refetchQueries: [GetWebhookEndpointsQuery] });
}
