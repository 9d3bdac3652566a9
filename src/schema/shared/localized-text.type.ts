import { Field, ObjectType } from "type-graphql";

@ObjectType({ simpleResolvers: true, description: "Text in Chinese (as the handbook words it) and English; Japanese where the source has it." })
export class LocalizedText {
  @Field(() => String, { description: "中文" })
  zh!: string;

  @Field(() => String, { nullable: true, description: "English" })
  en?: string;

  @Field(() => String, { nullable: true, description: "日本語" })
  ja?: string;
}
