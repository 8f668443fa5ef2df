import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { ConnectionType } from "../../graphql/connection.js";
import { DateTime } from "../../graphql/scalars.js";

export enum CreditEntryKind {
  TOP_UP = "top_up",
  RESERVE = "reserve",
  CHARGE = "charge",
  RELEASE = "release",
}

registerEnumType(CreditEntryKind, {
  name: "CreditEntryKind",
  valuesConfig: {
    TOP_UP: { description: "An admin added (or took back) credits." },
    RESERVE: { description: "An analysis held one credit per resume when it started." },
    CHARGE: { description: "One resume analysed: one credit spent, once per task and resume." },
    RELEASE: { description: "What a finished, failed or cancelled analysis did not use, given back." },
  },
});

@ObjectType("CreditBalance")
export class CreditBalanceType {
  @Field(() => ID) userId!: string;
  @Field(() => Int, { description: "Credits owned: top-ups less charges." }) balance!: number;
  @Field(() => Int, { description: "Credits reserved by analyses still running or queued." }) held!: number;
  @Field(() => Int, { description: "What a new analysis may use: balance less held." }) available!: number;
}

@ObjectType("CreditEntry", { description: "One line of the credit ledger." })
export class CreditEntryType {
  @Field(() => ID) id!: string;
  @Field(() => ID) userId!: string;
  @Field(() => CreditEntryKind) kind!: CreditEntryKind;
  @Field(() => Int, { description: "Change of the balance." }) amount!: number;
  @Field(() => Int, { description: "Change of the credits held." }) held!: number;
  @Field(() => ID, { nullable: true }) taskId!: string | null;
  @Field(() => String, { nullable: true }) itemKey!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => DateTime) createdAt!: Date;
}

export const CreditEntryConnection = ConnectionType("CreditEntry", CreditEntryType);
