import { Arg, Query, Resolver } from "type-graphql";
import type { ServiceCode } from "../../rules/catalogue/codes.js";
import { ServiceCodeEnum } from "../../schema/catalogue/catalogue.enums.js";
import { Handbook, Service } from "../../schema/catalogue/service.type.js";
import { HANDBOOK_NOTICE } from "../../rules/catalogue/handbook-text.js";
import { CATALOGUE, serviceView } from "./present-service.js";

/** Kept for the modules that still import it from here; new code imports present-service.ts. */

@Resolver(() => Service)
export class ServiceResolver {
  @Query(() => [Service], { description: "The seven services in the handbook's order. Public. 服务目录。" })
  services(): readonly Service[] {
    return CATALOGUE;
  }

  @Query(() => Handbook, { description: "The handbook the catalogue follows: its edition and notice (not part of the contract; the policy prevails). Public." })
  handbook(): Handbook {
    return { edition: HANDBOOK_NOTICE.edition, disclaimer: [...HANDBOOK_NOTICE.disclaimer], networkCaveat: HANDBOOK_NOTICE.networkCaveat };
  }

  @Query(() => Service, { nullable: true, description: "One service by code. Public." })
  service(@Arg("code", () => ServiceCodeEnum) code: ServiceCode): Service | null {
    return CATALOGUE.find((s) => s.code === code) ?? null;
  }
}
