import { Field, ObjectType } from "type-graphql";
import { DateScalar } from "../shared/scalars.js";

@ObjectType({ simpleResolvers: true, description: "A day of the Chinese working-day calendar (State Council schedule). 工作日历。" })
export class CalendarDay {
  @Field(() => DateScalar)
  date!: string;

  @Field(() => Boolean, { description: "Counts toward SLA working days (调休 weekend days do)." })
  workingDay!: boolean;

  @Field(() => String, { nullable: true, description: "The holiday or 调休 the day belongs to, e.g. 国庆节 National Day." })
  holiday?: string | null;

  @Field(() => Boolean, { description: "The year has no published schedule: Monday–Friday assumed." })
  provisional!: boolean;
}
