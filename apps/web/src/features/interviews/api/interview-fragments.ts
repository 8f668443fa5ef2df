import { graphql } from "@taskline/schema/graphql";

/** Everything a row of the interviews table and the edit form need; the list and every mutation select it. */
export const InterviewRowFragment = graphql(`
  fragment InterviewRow on Interview {
    id
    startsAt
    interviewerEmails
    location
    link
    cancelledAt
    reminder24hSentAt
    reminder1hSentAt
    candidate {
      id
      name
      email
    }
    jobPosting {
      id
      title
    }
  }
`);
