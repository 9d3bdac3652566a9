// Who may call the graph. Roles of the public contract (enum Role).
export const ROLES = ["ADMIN", "OPERATOR", "PARTNER", "INSURED", "ANALYST"] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated caller of one request. */
export interface Principal {
  readonly role: Role;
  /** Stable id for audit trails: "admin-key", "api-key:<id>", "jwt:<sub>". Never personal data. */
  readonly subject: string;
  /** PARTNER: the partner the key is scoped to, and the services it is contracted for. */
  readonly partnerCode?: string | null;
  readonly partnerServices?: readonly string[];
  /** INSURED: the policies the caller may see. */
  readonly policyNos?: readonly string[];
}
