import { Field, ID, ObjectType } from "type-graphql";
import type { ServiceCode } from "../../rules/catalogue/codes.js";
import { ServiceCodeEnum } from "../catalogue/catalogue.enums.js";

@ObjectType({ simpleResolvers: true, description: "A contracted service vendor (特约服务商, TPA) and the services it may serve." })
export class Partner {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [ServiceCodeEnum])
  services!: ServiceCode[];
}
