import { Field, ObjectType } from "type-graphql";
import { DateScalar } from "../shared/scalars.js";

@ObjectType({ simpleResolvers: true, description: "A person on a policy. ID numbers and phones leave the API only masked. 被保险人/投保人。" })
export class Person {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: "身份证号（脱敏） e.g. 110105********123X" })
  idNumberMasked?: string | null;

  @Field(() => String, { nullable: true, description: "手机号（脱敏） e.g. 138****5678" })
  phoneMasked?: string | null;

  @Field(() => DateScalar, { nullable: true })
  birthDate?: string | null;
}
