import { Field, ObjectType } from "type-graphql";
import type { Role } from "../../rules/access/roles.js";
import { Partner } from "./partner.type.js";
import { RoleEnum } from "./role.enum.js";

@ObjectType({ simpleResolvers: true, description: "The caller of this request. 当前调用方。" })
export class Viewer {
  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => Partner, { nullable: true, description: "The partner a PARTNER key belongs to." })
  partner?: Partner | null;
}
