import { Field, ID, InputType, ObjectType } from "type-graphql";
import type { Role } from "../../rules/access/roles.js";
import type { ServiceCode } from "../../rules/catalogue/codes.js";
import { ServiceCodeEnum } from "../catalogue/catalogue.enums.js";
import { UserError } from "../shared/user-error.type.js";
import { Partner } from "./partner.type.js";
import { RoleEnum } from "./role.enum.js";

@InputType({ description: "Register a contracted vendor (特约服务商) and its services." })
export class CreatePartnerInput {
  @Field(() => String, { description: "2–32 capital letters, digits, - or _." })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [ServiceCodeEnum])
  services!: ServiceCode[];
}

@ObjectType({ simpleResolvers: true })
export class PartnerPayload {
  @Field(() => Partner, { nullable: true })
  partner?: Partner | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType({ description: "Issue an API key: PARTNER keys name their partner, INSURED keys their policies." })
export class IssueApiKeyInput {
  @Field(() => String)
  label!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => String, { nullable: true })
  partnerCode?: string | null;

  @Field(() => [String], { nullable: true })
  policyNos?: string[] | null;
}

@ObjectType({ simpleResolvers: true })
export class IssueApiKeyPayload {
  @Field(() => String, { nullable: true, description: "The secret, shown once; only its hash is stored." })
  apiKey?: string | null;

  @Field(() => ID, { nullable: true, description: "The key's id, for revokeApiKey." })
  keyId?: string | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType({ simpleResolvers: true })
export class RevokeApiKeyPayload {
  @Field(() => Boolean)
  revoked!: boolean;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
