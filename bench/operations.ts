// The operations the benchmarks load, one text each: `npm run bench`, `bench:profile` and `bench:bare`
// must measure the same thing.

/** (t): the cost of a request itself, before any data: Apollo's pipeline, authentication, a context. */
export const EMPTY = /* GraphQL */ `query Empty { __typename }`;
export const ENTITLEMENTS = /* GraphQL */ `
  query FrontEndEntitlements($policyNo: String!) {
    policy(policyNo: $policyNo) {
      policyNo status
      insured { name idNumberMasked phoneMasked }
      diagnoses { category firstDiagnosedOn }
      entitlements { benefit quotaTotal used reserved remaining eligibility { eligible eligibleFrom reasons { code } } }
    }
  }`;
export const CONSOLE_PAGE = /* GraphQL */ `
  query ConsolePage($prefix: String!) {
    policies(first: 50, filter: { policyNoPrefix: $prefix }) {
      edges { node { policyNo status entitlements { benefit quotaTotal used reserved } cases(first: 5) { edges { node { caseNo status benefit submittedAt } } } } }
    }
  }`;
/**
 * (o): the console page with fields no column gives as they are (an entitlement's `remaining`, a
 * case's global `id`): it is resolved object by object, as every such selection is (bench:ab only).
 */
export const OBJECT_PAGE = /* GraphQL */ `
  query ObjectPage($prefix: String!) {
    policies(first: 50, filter: { policyNoPrefix: $prefix }) {
      edges { node { id policyNo status entitlements { benefit quotaTotal used reserved remaining } cases(first: 5) { edges { node { id caseNo status benefit submittedAt } } } } }
    }
  }`;
export const SUBMIT = /* GraphQL */ `
  mutation PartnerSubmit($input: SubmitCaseInput!) {
    submitCase(input: $input) { serviceCase { caseNo status } userErrors { code } }
  }`;
export const METRICS = /* GraphQL */ `
  query BiMetrics($from: Date!, $to: Date!) {
    caseMetrics(groupBy: [SERVICE, MONTH], filter: { submittedFrom: $from, submittedTo: $to }) {
      keys { service month } cases open completed slaMet slaBreached slaAttainment medianWorkingDaysToComplete p90WorkingDaysToComplete
    }
  }`;

// (a) and (b) as PostGraphile 5 (amber preset) is asked them, for the side-by-side run with the
// peer (`npm run bench -- --peer`): the same data, in its own query shape.
export const PEER_ENTITLEMENTS = /* GraphQL */ `
  query FrontEndEntitlements($policyNo: String!) {
    policyByPolicyNo(policyNo: $policyNo) {
      policyNo status
      personByInsuredId { name idNumberMasked phoneMasked }
      diagnosesByPolicyId { nodes { category firstDiagnosedOn } }
      entitlementsByPolicyId { nodes { benefitCode quotaTotal used reserved } }
    }
  }`;
export const PEER_CONSOLE_PAGE = /* GraphQL */ `
  query ConsolePage($prefix: String!) {
    allPolicies(first: 50, condition: { policyNoPrefix: $prefix }, orderBy: POLICY_NO_ASC) {
      nodes { policyNo status entitlementsByPolicyId { nodes { benefitCode quotaTotal used reserved } } serviceCasesByPolicyId(first: 5, orderBy: CASE_NO_DESC) { nodes { caseNo status benefitCode submittedAt } } }
    }
  }`;
