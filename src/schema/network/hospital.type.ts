import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import type { ServiceCode } from "../../rules/catalogue/codes.js";
import { ServiceCodeEnum } from "../catalogue/catalogue.enums.js";
import { LocalizedText } from "../shared/localized-text.type.js";
import { Node } from "../shared/node.interface.js";
import { PageInfo } from "../shared/page-info.type.js";
import { CountryEnum, type Country } from "./network.enums.js";

@ObjectType({ simpleResolvers: true, implements: Node, description: "A network hospital (MDT in China, treatment in Japan). 网络医院。" })
export class Hospital extends Node {
  @Field(() => ID)
  declare id: string;

  @Field(() => LocalizedText, { description: "Japanese hospitals: zh and ja exactly as the handbook gives them." })
  name!: LocalizedText;

  @Field(() => CountryEnum)
  country!: Country;

  @Field(() => String, { description: "The city the handbook lists it under (corrected where the table misplaced it)." })
  city!: string;

  @Field(() => String, { nullable: true, description: "Japan: the real prefecture (都道府県)." })
  prefecture?: string | null;

  @Field(() => [ServiceCodeEnum])
  services!: ServiceCode[];

  @Field(() => [String], { description: "Other names the hospital goes by (the handbook's bracketed aliases)." })
  aliases!: string[];
}

@ObjectType({ simpleResolvers: true })
export class HospitalEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Hospital)
  node!: Hospital;
}

@ObjectType({ simpleResolvers: true })
export class HospitalConnection {
  @Field(() => [HospitalEdge])
  edges!: HospitalEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** A promise when counted on demand (`Connection`): a resolved field, so every executor awaits it. */
  @Field(() => Int, { simple: false })
  totalCount!: number | Promise<number>;
}

@InputType({ description: "Which hospitals to list." })
export class HospitalFilter {
  @Field(() => ServiceCodeEnum, { nullable: true })
  service?: ServiceCode | null;

  @Field(() => CountryEnum, { nullable: true })
  country?: Country | null;

  @Field(() => String, { nullable: true, description: "城市: 北京, 上海市, 广州, 成都, 东京 (or a GB/T 2260 code)." })
  city?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Text in the Chinese or Japanese name, an alias or the name as the handbook prints it; 医学院 inserted or left out, brackets, spaces and full-width forms are ignored.",
  })
  search?: string | null;
}
