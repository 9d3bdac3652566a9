import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeScalar } from "../shared/scalars.js";

export enum PolicyImportStatus {
  RUNNING = "RUNNING",
  SUCCEEDED = "SUCCEEDED",
  FAILED = "FAILED",
}
registerEnumType(PolicyImportStatus, { name: "PolicyImportStatus", description: "Where a run of the policy feed stands. FAILED runs resume when their file is imported again." });

@ObjectType({ simpleResolvers: true, description: "A run of the policy feed (npm run policies:import, POST /imports/policies) and its counts so far. 保单批量导入记录。" })
export class PolicyImport {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "The file's name." })
  source!: string;

  @Field(() => String, { description: "JSONL or CSV." })
  format!: string;

  @Field(() => PolicyImportStatus)
  status!: PolicyImportStatus;

  @Field(() => DateTimeScalar)
  startedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => Int, { description: "Records read (lines of the file that hold one)." })
  read!: number;

  @Field(() => Int)
  inserted!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int, { description: "Records identical to the policy already held: nothing written." })
  unchanged!: number;

  @Field(() => Int, { description: "Records refused (invalid, or BENEFIT_IN_USE); the rejects file lists them." })
  rejected!: number;

  @Field(() => Int, { description: "The last line of the file whose batch is committed." })
  committedLine!: number;
}
