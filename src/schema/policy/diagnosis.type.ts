import { Field, ID, ObjectType } from "type-graphql";
import type { DiagnosisCategory } from "../../rules/policy/codes.js";
import { DateScalar } from "../shared/scalars.js";
import { DiagnosisCategoryEnum } from "./policy.enums.js";

@ObjectType({ simpleResolvers: true, description: "A first diagnosis (初次罹患) recorded on a policy. 诊断记录。" })
export class Diagnosis {
  @Field(() => ID, { description: "Names the illness a case is for (SubmitCaseInput.diagnosisId)." })
  id!: string;

  @Field(() => DiagnosisCategoryEnum)
  category!: DiagnosisCategory;

  @Field(() => DateScalar, { description: "初次确诊日期" })
  firstDiagnosedOn!: string;

  @Field(() => String, { nullable: true })
  icd10?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}
