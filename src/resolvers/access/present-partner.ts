import type { PartnerRow } from "../../db/queries/api-keys.js";
import type { ServiceCode } from "../../rules/catalogue/codes.js";
import type { Partner } from "../../schema/access/partner.type.js";
import { toGlobalId } from "../../schema/shared/global-id.js";

export function presentPartner(row: PartnerRow): Partner {
  return { id: toGlobalId("Partner", row.code), code: row.code, name: row.name, services: row.services as ServiceCode[] };
}
