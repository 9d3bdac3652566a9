import { Field, ObjectType } from "type-graphql";
import { RegionLevelEnum, type RegionLevel } from "./network.enums.js";

@ObjectType({ simpleResolvers: true, description: "An administrative division of mainland China (GB/T 2260). 行政区划。" })
export class Region {
  @Field(() => String, { description: "GB/T 2260 code, e.g. 420600." })
  code!: string;

  @Field(() => String, { description: "Official name, e.g. 襄阳市." })
  name!: string;

  @Field(() => RegionLevelEnum)
  level!: RegionLevel;

  @Field(() => Region, { nullable: true, description: "The province it belongs to (null for a province)." })
  province?: Region | null;
}
