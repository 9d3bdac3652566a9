import { Field, InputType } from "type-graphql";
import type { BenefitCode } from "../../rules/catalogue/codes.js";
import type { DiagnosisCategory, PolicyStatus } from "../../rules/policy/codes.js";
import { BenefitCodeEnum } from "../catalogue/catalogue.enums.js";
import { DateScalar } from "../shared/scalars.js";
import { DiagnosisCategoryEnum, PolicyStatusEnum } from "./policy.enums.js";

@InputType({ description: "A person as operations load it. ID number: 18-digit resident ID (GB 11643). Phone: mainland mobile." })
export class PersonInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  idNumber?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Defaults to the birth date in the ID number." })
  birthDate?: string | null;
}

@InputType({ description: "Create or replace a policy by its number. 新增或更新保单。" })
export class UpsertPolicyInput {
  @Field(() => String)
  policyNo!: string;

  @Field(() => PolicyStatusEnum)
  status!: PolicyStatus;

  @Field(() => DateScalar)
  effectiveFrom!: string;

  @Field(() => DateScalar)
  effectiveTo!: string;

  @Field(() => DateScalar, { description: "The last day of the waiting period (the day before effectiveFrom for none)." })
  waitingPeriodEndsOn!: string;

  @Field(() => PersonInput)
  insured!: PersonInput;

  @Field(() => PersonInput, { nullable: true, description: "Omitted: the insured is the policyholder." })
  policyholder?: PersonInput | null;

  @Field(() => Boolean)
  hasSocialInsurance!: boolean;

  @Field(() => [BenefitCodeEnum], {
    nullable: true,
    description: "Omitted: the product's standard set (every benefit but JAPAN_TREATMENT, which a policy must list).",
  })
  benefits?: BenefitCode[] | null;
}

@InputType({ description: "Record a first diagnosis (初次罹患) on a policy. 录入诊断。" })
export class RecordDiagnosisInput {
  @Field(() => String)
  policyNo!: string;

  @Field(() => DiagnosisCategoryEnum)
  category!: DiagnosisCategory;

  @Field(() => DateScalar)
  firstDiagnosedOn!: string;

  @Field(() => String, { nullable: true, description: "ICD-10 code, e.g. C34.1" })
  icd10?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@InputType({ description: "Which policies to list." })
export class PolicyFilter {
  @Field(() => [PolicyStatusEnum], { nullable: true })
  status?: PolicyStatus[] | null;

  @Field(() => String, { nullable: true })
  policyNoPrefix?: string | null;
}
