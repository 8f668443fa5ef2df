import { Field, ID, InterfaceType } from "type-graphql";

/** Relay's Node: every object a client can refetch by id. Ids are UUIDs, unique across types. */
@InterfaceType("Node")
export abstract class Node {
  @Field(() => ID)
  id!: string;
}
