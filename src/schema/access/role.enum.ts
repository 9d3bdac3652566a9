import { ROLES } from "../../rules/access/roles.js";
import { enumFromCodes } from "../shared/enums.js";

export const RoleEnum = enumFromCodes(ROLES, "Role", "What a caller may do. 调用方角色。", {
  ADMIN: { description: "Everything, including API keys and partners. 管理员" },
  OPERATOR: { description: "Operations: policies, diagnoses, cases; not keys or partners. 运营" },
  PARTNER: { description: "A contracted service vendor (特约服务商/TPA), for its contracted services only." },
  INSURED: { description: "An insured person or policyholder, for their own policies. 被保险人" },
  ANALYST: { description: "BI: catalogue, networks and case metrics; no personal data. 数据分析" },
});
