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

@Resolver()
export class WebhookResolver {
  @Authorized("ADMIN")
  @Mutation(() => RegisterWebhookPayload, { description: "Register a partner's endpoint for signed case events (ADMIN); its secret is shown once. 登记回调地址。" })
  registerWebhook(@Arg("input", () => RegisterWebhookInput) input: RegisterWebhookInput, @Ctx() ctx: Context): Promise<RegisterWebhookPayload> {
    return registerWebhook(ctx, input);
  }

  @Authorized("ADMIN", "PARTNER")
  @Mutation(() => WebhookPayload, { description: "Stop sending to an endpoint (ADMIN, or the partner for its own). 停用回调地址。" })
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
  @Mutation(() => RedeliverWebhookPayload, { description: "Send a delivery's event once more, as a new delivery (same eventId). 重新推送。" })
  redeliverWebhook(@Arg("deliveryId", () => ID) deliveryId: string, @Ctx() ctx: Context): Promise<RedeliverWebhookPayload> {
    return redeliverWebhook(ctx, deliveryId);
  }
}
