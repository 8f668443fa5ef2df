import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTime } from "../../graphql/scalars.js";

export enum ExportTargetEnum {
  CSV = "CSV",
  GOOGLE_SHEETS = "GOOGLE_SHEETS",
}
registerEnumType(ExportTargetEnum, { name: "ExportTarget", description: "Where recruiting.export_candidates writes: Google Sheets when configured, else a CSV." });

@ObjectType("CandidateExport", { description: "The candidate export kept in sync by recruiting.export_candidates." })
export class CandidateExportType {
  @Field(() => ExportTargetEnum)
  target!: ExportTargetEnum;

  @Field(() => DateTime, { nullable: true, description: "When a sync last changed the export; null: never." })
  updatedAt!: Date | null;

  @Field(() => Int, { description: "Candidate rows in the export (the header not counted)." })
  rowCount!: number;

  @Field(() => String, { nullable: true, description: "CSV: the path to download it from (same origin, signed in). Sheets: the spreadsheet's address." })
  downloadUrl!: string | null;
}
