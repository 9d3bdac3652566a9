import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../context/context.js";
import {
  RedeliverWebhookPayload,
  RegisterWebhookInput,
  RegisterWebhookPayload,
  Webhook,
  WebhookDeliveryConnection,
  WebhookDeliveryFilter,
  WebhookPayload,
} from "../../schema/webhook/webhook.type.js";
import { disableWebhook, listDeliveries, listWebhooks, redeliverWebhook, registerWebhook } from "./webhook-flows.js";
import { DISABLE_WEBHOOK_CODES, REDELIVER_WEBHOOK_CODES, REGISTER_WEBHOOK_CODES, WEBHOOK_MESSAGES } from "../../rules/webhooks/webhook-codes.js";
import { describeCodes, withCodes } from "../../rules/shared/outcome-codes.js";

@Resolver()
export class WebhookResolver {
  @Authorized("ADMIN")
  @Mutation(() => RegisterWebhookPayload, { description: withCodes("Register a partner's endpoint for signed case events (ADMIN); its secret is shown once. 登记回调地址。", describeCodes(WEBHOOK_MESSAGES, REGISTER_WEBHOOK_CODES)) })
  registerWebhook(@Arg("input", () => RegisterWebhookInput) input: RegisterWebhookInput, @Ctx() ctx: Context): Promise<RegisterWebhookPayload> {
    return registerWebhook(ctx, input);
  }

  @Authorized("ADMIN", "PARTNER")
  @Mutation(() => WebhookPayload, { description: withCodes("Stop sending to an endpoint (ADMIN, or the partner for its own). 停用回调地址。", describeCodes(WEBHOOK_MESSAGES, DISABLE_WEBHOOK_CODES)) })
  disableWebhook(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<WebhookPayload> {
    return disableWebhook(ctx, id);
  }

  @Authorized("ADMIN", "PARTNER")
  @Query(() => [Webhook], { description: "Registered endpoints: all for ADMIN, a partner's own for a PARTNER key." })
  webhooks(@Ctx() ctx: Context): Promise<Webhook[]> {
    return listWebhooks(ctx);
  }

  @Authorized("ADMIN", "PARTNER")
  @Query(() => WebhookDeliveryConnection, { description: "Deliveries, newest first, with every attempt (first ≤ 100)." })
  webhookDeliveries(
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("filter", () => WebhookDeliveryFilter, { nullable: true }) filter: WebhookDeliveryFilter | null,
    @Ctx() ctx: Context,
  ): Promise<WebhookDeliveryConnection> {
    return listDeliveries(ctx, first, after, filter);
  }

  @Authorized("ADMIN", "PARTNER")
  @Mutation(() => RedeliverWebhookPayload, { description: withCodes("Send a delivery's event once more, as a new delivery (same eventId). 重新推送。", describeCodes(WEBHOOK_MESSAGES, REDELIVER_WEBHOOK_CODES)) })
  redeliverWebhook(@Arg("deliveryId", () => ID) deliveryId: string, @Ctx() ctx: Context): Promise<RedeliverWebhookPayload> {
    return redeliverWebhook(ctx, deliveryId);
  }
}
