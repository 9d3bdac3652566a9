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
