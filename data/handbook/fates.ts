// The handbook clauses no rule implements, each with its reason (docs/handbook-trace.md).
// INFORMATIONAL: text for the reader with nothing for the system to decide (a greeting, a phone
// number, a description or step shown as catalogue text). OUT_OF_SCOPE: what happens outside the
// system (the insurer's app, the hospital, the trip) or a cost the insured pays. MISSING: a rule the
// system should keep and does not yet, or keeps differently (handbook-review-2026-12). An item id
// (SEC.sub.N) covers all its sentences. Remove an entry when a rule and a test come to cite it.
import type { Fate } from "../../src/reference/handbook/trace.js";

const info = (id: string, reason: string): Fate => ({ id, status: "INFORMATIONAL", reason });
const out = (id: string, reason: string): Fate => ({ id, status: "OUT_OF_SCOPE", reason });
const missing = (id: string, reason: string): Fate => ({ id, status: "MISSING", reason });

const HOTLINE = "the insurer's hotline 95550; the graph is used by the staff who take the call";
const HOURS = "the hours of the insurer's service line; the graph takes applications at any hour and on holidays, so there is nothing to refuse";
const IDENTITY = "a case is opened on the insured's policy, so name and policy number are there by construction; nothing to check";
const CAVEAT = "the insurer's reservation on the network, served as handbook.networkCaveat; network:import updates the data set, and there is nothing for a rule to decide";
const SUBMISSION_STEP = "the submission itself: submitCase with its documents opens the case at this step (AWAITING_DOCUMENTS or SUBMITTED); the step is shown as the catalogue's step text and needs no action of its own";
const SAME_INSURED = "the same sentence as GREEN_CHANNEL.提示.4: one Applicant rule (INSURED or POLICYHOLDER) serves every service, held by the case test that cites it";
const PATHOLOGY_DIFF = "the catalogue requires the pathology report, which the handbook lists as one option among several (review: DIFF)";

export const HANDBOOK_FATES: readonly Fate[] = [
  info("GENERAL.说明.1", "salutation"),
  info("GENERAL.说明.2", "welcome and thanks"),
  info("GENERAL.说明.3", "the insurer's introduction, a sales phrase"),
  info("GENERAL.说明.4.2", "the insurer's hotline 95550"),
  info("GENERAL.说明.5", "closing wishes"),
  info("GENERAL.说明.6", "signature"),

  info("FAMILY_DOCTOR.标准.1", HOURS),
  out("FAMILY_DOCTOR.流程.1", "access through the insurer's WeChat mini program, outside the system"),
  out("FAMILY_DOCTOR.提示.1", "the nature of the online doctors' advice, a disclaimer of the consultation platform"),
  out("FAMILY_DOCTOR.提示.2", "real-name verification on the consultation platform, outside the system"),
  out("FAMILY_DOCTOR.提示.3", "the internet hospital's rules on whom its doctors may refuse, applied on the platform"),
  out("FAMILY_DOCTOR.提示.4", "advice to see a doctor offline; the platform's scope"),

  info("GREEN_CHANNEL.条件.2", IDENTITY),
  info("GREEN_CHANNEL.标准.1", HOURS),
  info("GREEN_CHANNEL.标准.3", "points to the network table, whose rows are traced as GREEN_CHANNEL.网络.N"),
  info("GREEN_CHANNEL.流程.1", HOTLINE),
  out("GREEN_CHANNEL.提示.3", "costs the insured pays at the hospital"),
  info("GREEN_CHANNEL.网络.0", CAVEAT),

  info("ADVANCE.条件.3", IDENTITY),
  info("ADVANCE.流程.1", HOTLINE),
  info("ADVANCE.流程.2", SUBMISSION_STEP),
  info("ADVANCE.提示.6", SAME_INSURED),
  info("ADVANCE.网络.0", CAVEAT),

  info("SECOND_OPINION.介绍.1", "the service's description, shown in the catalogue; its network is NATIONWIDE"),
  info("SECOND_OPINION.流程.1", HOTLINE),
  info("SECOND_OPINION.流程.2", SUBMISSION_STEP),
  info("SECOND_OPINION.提示.1", IDENTITY),
  info("MDT.条件.2", IDENTITY),
  info("MDT.标准.1", HOURS),
  info("MDT.流程.1", HOTLINE),
  info("MDT.流程.2", SUBMISSION_STEP),
  info("MDT.提示.5", SAME_INSURED),
  info("MDT.提示.6", SAME_INSURED),
  info("MDT.网络.0", CAVEAT),

  info("GENE_TEST.介绍.1", "the service's description, shown in the catalogue"),
  info("GENE_TEST.标准.1", HOURS),
  info("GENE_TEST.流程.1", HOTLINE),
  out("GENE_TEST.提示.2", "tests the insured buys elsewhere are not reimbursed; a claim outside the system"),
  info("GENE_TEST.提示.3", SAME_INSURED),
  info("GENE_TEST.网络.0", CAVEAT),

  info("JAPAN.介绍.1", "the service's description, shown in the catalogue"),
  info("JAPAN.标准.1", HOURS),
  info("JAPAN.流程.1", HOTLINE),
  info("JAPAN.提示.3.1", "what the service includes, shown in the catalogue"),
  out("JAPAN.提示.3.2", "costs the insured pays"),
  out("JAPAN.提示.4", "what the escort does on site, outside the system; the hours are kept (JAPAN.流程.9)"),
  out("JAPAN.提示.5", "trips the insured buys elsewhere are not reimbursed; a claim outside the system"),
  info("JAPAN.提示.6", SAME_INSURED),
  info("JAPAN.网络.0", CAVEAT),
];
