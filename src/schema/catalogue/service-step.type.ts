import { Field, Int, ObjectType } from "type-graphql";
import { LocalizedText } from "../shared/localized-text.type.js";

@ObjectType({ simpleResolvers: true, description: "One step of a service's process, in the handbook's order (服务流程). 服务流程步骤。" })
export class ServiceStep {
  @Field(() => Int, { description: "1-based position in the process." })
  order!: number;

  @Field(() => LocalizedText)
  name!: LocalizedText;

  @Field(() => LocalizedText)
  description!: LocalizedText;
}
