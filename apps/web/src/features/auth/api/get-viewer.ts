import { graphql } from "@taskline/schema/graphql";

/** Who is signed in, from the session cookie; `me` is null when anonymous (it never answers UNAUTHENTICATED). */
export const GetViewerQuery = graphql(`
  query GetViewer {
    me {
      ...Viewer
    }
  }
`);

export const ViewerFragment = graphql(`
  fragment Viewer on User {
    id
    email
    name
    role
    active
  }
`);
