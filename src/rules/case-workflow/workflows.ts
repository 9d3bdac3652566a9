// Every service's workflow by service code, read from the services' own definitions (src/rules/services).
import type { ServiceCode } from "../catalogue/codes.js";
import { HANDBOOK_SERVICE_BY_CODE } from "../services/index.js";
import type { Workflow } from "./workflow-definition.js";

export const WORKFLOWS = Object.fromEntries([...HANDBOOK_SERVICE_BY_CODE].map(([code, s]) => [code, s.workflow])) as Record<ServiceCode, Workflow>;
