import { GraphQLDateTime, GraphQLJSON } from "graphql-scalars";

export { GraphQLDateTime as DateTime, GraphQLJSON as JSON };
