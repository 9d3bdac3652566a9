import { Field, ObjectType } from "type-graphql";
import { LocalizedText } from "./localized-text.type.js";

@ObjectType({ simpleResolvers: true, description: "An expected failure of a mutation's input: nothing was written. 输入错误（未写入任何数据）。" })
export class UserError {
  @Field(() => String, { description: "Machine-readable code, e.g. INVALID_ID_NUMBER_CHECK_DIGIT." })
  code!: string;

  @Field(() => [String], { nullable: true, description: "Path of the input field, e.g. [\"input\", \"insured\", \"idNumber\"]." })
  field?: string[] | null;

  @Field(() => LocalizedText)
  message!: LocalizedText;
}
