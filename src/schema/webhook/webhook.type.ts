import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { WEBHOOK_EVENTS, type WebhookEvent } from "../../rules/webhooks/event-types.js";
import { enumFromCodes } from "../shared/enums.js";
import { PageInfo } from "../shared/page-info.type.js";
import { DateTimeScalar } from "../shared/scalars.js";
import { UserError } from "../shared/user-error.type.js";

export const WebhookEventEnum = enumFromCodes(WEBHOOK_EVENTS, "WebhookEvent", "What a webhook can receive; on the wire CASE_SLA_DUE_SOON is \"case.sla_due_soon\". 通知事件。");

export const DELIVERY_STATUSES = ["PENDING", "DELIVERED", "FAILED"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const WebhookDeliveryStatusEnum = enumFromCodes(DELIVERY_STATUSES, "WebhookDeliveryStatus", "PENDING until a 2xx answer (DELIVERED) or the last retry (FAILED).");

@ObjectType({ simpleResolvers: true, description: "A partner's endpoint for signed case notifications. 回调地址。" })
export class Webhook {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  partnerCode!: string;

  @Field(() => String)
  url!: string;

  @Field(() => [WebhookEventEnum])
  events!: WebhookEvent[];

  @Field(() => Boolean)
  enabled!: boolean;

  @Field(() => String, { description: "The signing secret's last four characters; the secret itself is shown once." })
  secretHint!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@InputType()
export class RegisterWebhookInput {
  @Field(() => String)
  partnerCode!: string;

  @Field(() => String, { description: "https:// (http:// only to loopback addresses outside production); at most 500 characters." })
  url!: string;

  @Field(() => [WebhookEventEnum])
  events!: WebhookEvent[];
}

@ObjectType({ simpleResolvers: true })
export class RegisterWebhookPayload {
  @Field(() => Webhook, { nullable: true })
  webhook?: Webhook | null;

  @Field(() => String, { nullable: true, description: "The signing secret (whsec_…), shown this once: verify X-HSG-Signature with it." })
  secret?: string | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType({ simpleResolvers: true })
export class WebhookPayload {
  @Field(() => Webhook, { nullable: true })
  webhook?: Webhook | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType({ simpleResolvers: true })
export class WebhookAttempt {
  @Field(() => DateTimeScalar)
  attemptedAt!: Date;

  @Field(() => Int, { nullable: true, description: "The receiver's HTTP status; null when it could not be reached or timed out." })
  statusCode?: number | null;

  @Field(() => String, { nullable: true })
  error?: string | null;

  @Field(() => Int)
  durationMs!: number;
}

@ObjectType({ simpleResolvers: true, description: "One event on its way to one endpoint, with every attempt. 推送记录。" })
export class WebhookDelivery {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  webhookId!: string;

  @Field(() => String, { description: "The event's id: the same on every attempt and redelivery, for receivers to drop duplicates." })
  eventId!: string;

  @Field(() => String, { description: "e.g. case.status_changed" })
  eventType!: string;

  @Field(() => String)
  caseNo!: string;

  @Field(() => DateTimeScalar)
  occurredAt!: Date;

  @Field(() => WebhookDeliveryStatusEnum)
  status!: DeliveryStatus;

  @Field(() => Int)
  attempts!: number;

  @Field(() => Int, { nullable: true })
  lastStatusCode?: number | null;

  @Field(() => String, { nullable: true })
  lastError?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it is tried next, while PENDING." })
  nextAttemptAt?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  deliveredAt?: Date | null;

  @Field(() => [WebhookAttempt])
  attemptLog!: WebhookAttempt[];
}

@ObjectType({ simpleResolvers: true })
export class WebhookDeliveryEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => WebhookDelivery)
  node!: WebhookDelivery;
}

@ObjectType({ simpleResolvers: true })
export class WebhookDeliveryConnection {
  @Field(() => [WebhookDeliveryEdge])
  edges!: WebhookDeliveryEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@InputType()
export class WebhookDeliveryFilter {
  @Field(() => ID, { nullable: true })
  webhookId?: string | null;

  @Field(() => [WebhookDeliveryStatusEnum], { nullable: true })
  statuses?: DeliveryStatus[] | null;

  @Field(() => String, { nullable: true })
  caseNo?: string | null;
}

@ObjectType({ simpleResolvers: true })
export class RedeliverWebhookPayload {
  @Field(() => WebhookDelivery, { nullable: true, description: "The new delivery of the same event." })
  delivery?: WebhookDelivery | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
