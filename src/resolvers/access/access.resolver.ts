import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { Context } from "../../context/context.js";
import { CreatePartnerInput, IssueApiKeyInput, IssueApiKeyPayload, PartnerPayload, RevokeApiKeyPayload } from "../../schema/access/access.inputs.js";
import { createPartner, issueApiKey, revokeApiKey } from "./access-flows.js";
import { ACCESS_MESSAGES, CREATE_PARTNER_CODES, ISSUE_API_KEY_CODES, REVOKE_API_KEY_CODES } from "../../rules/access/access-codes.js";
import { describeCodes, withCodes } from "../../rules/shared/outcome-codes.js";

@Resolver()
export class AccessResolver {
  @Authorized("ADMIN")
  @Mutation(() => PartnerPayload, { description: withCodes("Register a partner (ADMIN). 登记特约服务商。", describeCodes(ACCESS_MESSAGES, CREATE_PARTNER_CODES)) })
  createPartner(@Arg("input", () => CreatePartnerInput) input: CreatePartnerInput, @Ctx() ctx: Context): Promise<PartnerPayload> {
    return createPartner(ctx, input);
  }

  @Authorized("ADMIN")
  @Mutation(() => IssueApiKeyPayload, { description: withCodes("Issue an API key (ADMIN); the secret is shown once. 签发密钥。", describeCodes(ACCESS_MESSAGES, ISSUE_API_KEY_CODES)) })
  issueApiKey(@Arg("input", () => IssueApiKeyInput) input: IssueApiKeyInput, @Ctx() ctx: Context): Promise<IssueApiKeyPayload> {
    return issueApiKey(ctx, input);
  }

  @Authorized("ADMIN")
  @Mutation(() => RevokeApiKeyPayload, { description: withCodes("Revoke an API key at once (ADMIN). 吊销密钥。", describeCodes(ACCESS_MESSAGES, REVOKE_API_KEY_CODES)) })
  revokeApiKey(@Arg("keyId", () => ID) keyId: string, @Ctx() ctx: Context): Promise<RevokeApiKeyPayload> {
    return revokeApiKey(ctx, keyId);
  }
}
