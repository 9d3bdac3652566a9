import { Field, ObjectType } from "type-graphql";
import type { ServiceCode } from "../../rules/catalogue/codes.js";
import { ServiceCodeEnum } from "../catalogue/catalogue.enums.js";
import { Region } from "./region.type.js";

@ObjectType({ simpleResolvers: true, description: "Whether a place is in a service's network, and how the place was understood. 覆盖查询结果。" })
export class CoverageResult {
  @Field(() => ServiceCodeEnum)
  service!: ServiceCode;

  @Field(() => String, { description: "What was asked, as typed." })
  query!: string;

  @Field(() => Boolean)
  covered!: boolean;

  @Field(() => Region, { nullable: true, description: "What the place was understood as (襄樊 → 襄阳市)." })
  region?: Region | null;

  @Field(() => [Region], {
    description: "The other divisions the typed name can mean (昌江: 昌江区 in 景德镇 besides 昌江黎族自治县 in 海南); every reading when it stays ambiguous.",
  })
  candidates!: Region[];

  @Field(() => [Region], { description: "Where the service is held when that is elsewhere than the insured's place (MDT: 北京, 上海, 广州, 成都). 服务地点。" })
  heldIn!: Region[];

  @Field(() => String, { nullable: true, description: "Why, in words: the listed entry that covers it, candidates, or the service's rule." })
  note?: string | null;
}
